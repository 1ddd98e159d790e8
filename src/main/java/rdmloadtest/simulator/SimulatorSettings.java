package rdmloadtest.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;
import rdmloadtest.feeders.DataKeys;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.perf.FaultSpec;
import rdmloadtest.simulator.perf.RateLimiter;
import rdmloadtest.simulator.perf.Tier;

/** Everything the simulator can be told, read from the one typed configuration ({@code simulator.*} keys). */
public record SimulatorSettings(
        int port,
        String version,
        Path dataDir,
        List<String> tokens,
        List<String> adminTokens,
        List<String> webUsers,
        int workers,
        Map<EndpointClass, Duration> serviceTimes,
        Map<EndpointClass, Map<Tier, Duration>> backendTimes,
        Map<Tier, Integer> tierWorkers,
        Duration backgroundTime,
        boolean exponentialServiceTimes,
        int bandwidthMBps,
        long maxContentLength,
        String accessLog,
        String robotsTxt,
        int sitemapEntries,
        Duration refreshDelay,
        Duration statsInterval,
        boolean rateLimit,
        List<RateLimiter.Rule> guestLimit,
        List<RateLimiter.Rule> authenticatedLimit,
        Map<EndpointClass, FaultSpec> faults) {

    /** Far above the depositor ids of generated data, so an administrator never owns seeded records. */
    static final int ADMIN_IDS_FROM = 1001;

    /** The same settings with other faults (a test changes them while a run is under way). */
    public SimulatorSettings withFaults(Map<EndpointClass, FaultSpec> faults) {
        return new SimulatorSettings(
                port,
                version,
                dataDir,
                tokens,
                adminTokens,
                webUsers,
                workers,
                serviceTimes,
                backendTimes,
                tierWorkers,
                backgroundTime,
                exponentialServiceTimes,
                bandwidthMBps,
                maxContentLength,
                accessLog,
                robotsTxt,
                sitemapEntries,
                refreshDelay,
                statsInterval,
                rateLimit,
                guestLimit,
                authenticatedLimit,
                faults);
    }

    public static SimulatorSettings from(Settings s) {
        Map<EndpointClass, Duration> times = new EnumMap<>(EndpointClass.class);
        Map<EndpointClass, FaultSpec> faults = new EnumMap<>(EndpointClass.class);
        Map<EndpointClass, Map<Tier, Duration>> backends = new EnumMap<>(EndpointClass.class);
        Map<Tier, Integer> tierWorkers = new EnumMap<>(Tier.class);
        SimulatorKeys.TIER_WORKERS.forEach((t, key) -> tierWorkers.put(t, s.get(key)));
        for (EndpointClass c : EndpointClass.values()) {
            times.put(c, s.get(SimulatorKeys.SERVICE_TIME.get(c)));
            backends.put(c, s.get(SimulatorKeys.BACKEND_TIME.get(c)));
            faults.put(c, s.get(SimulatorKeys.FAULTS.get(c)));
        }
        return new SimulatorSettings(
                s.get(SimulatorKeys.PORT),
                s.get(InvenioKeys.INVENIO_VERSION),
                Path.of(s.get(DataKeys.DATA_DIR)),
                s.get(SimulatorKeys.TOKENS),
                s.get(SimulatorKeys.ADMIN_TOKENS),
                s.get(SimulatorKeys.WEB_USERS),
                s.get(SimulatorKeys.WORKERS),
                times,
                backends,
                tierWorkers,
                s.get(SimulatorKeys.BACKGROUND_TIME),
                s.get(SimulatorKeys.SERVICE_DISTRIBUTION).equals("exponential"),
                s.get(SimulatorKeys.BANDWIDTH),
                s.get(SimulatorKeys.MAX_CONTENT_LENGTH),
                s.find(SimulatorKeys.ACCESS_LOG).orElse(null),
                robotsTxt(s),
                s.get(SimulatorKeys.SITEMAP_ENTRIES),
                s.get(SimulatorKeys.REFRESH),
                s.get(SimulatorKeys.STATS_INTERVAL),
                s.get(SimulatorKeys.RATE_LIMIT),
                s.get(SimulatorKeys.RATE_GUEST),
                s.get(SimulatorKeys.RATE_AUTH),
                faults);
    }

    /** The text of simulator.robotsTxt's file, or null for InvenioRDM's own. */
    private static String robotsTxt(Settings s) {
        Optional<String> file = s.find(SimulatorKeys.ROBOTS_TXT);
        if (file.isEmpty()) return null;
        try {
            return Files.readString(Path.of(file.get()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(SimulatorKeys.ROBOTS_TXT.name() + "='" + file.get()
                    + "': cannot be read; expected a text file (robots.txt rules)");
        }
    }

    /** The user id a token stands for: users are numbered 1, 2, ... in token order; admins from 1001 on. */
    public Map<String, String> tokenUsers() {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) m.put(tokens.get(i), String.valueOf(i + 1));
        for (int i = 0; i < adminTokens.size(); i++) m.put(adminTokens.get(i), String.valueOf(ADMIN_IDS_FROM + i));
        return m;
    }

    /** Web logins: email → (password, user id), users numbered 1, 2, ... like {@link #tokenUsers()}. */
    public Map<String, Map.Entry<String, String>> webLogins() {
        Map<String, Map.Entry<String, String>> m = new HashMap<>();
        for (int i = 0; i < webUsers.size(); i++) {
            String entry = webUsers.get(i);
            int colon = entry.indexOf(':');
            if (colon <= 0)
                throw new IllegalArgumentException(
                        "simulator.webUsers: expected email:password, got an entry without ':'");
            m.put(
                    entry.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    Map.entry(entry.substring(colon + 1), String.valueOf(i + 1)));
        }
        return m;
    }
}
