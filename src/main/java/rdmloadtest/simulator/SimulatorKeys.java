package rdmloadtest.simulator;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;
import rdmloadtest.simulator.perf.BackendTimes;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.perf.FaultSpec;
import rdmloadtest.simulator.perf.RateLimiter;
import rdmloadtest.simulator.perf.Tier;

/** Keys of the embedded simulator: its users, its performance model and its faults. */
public final class SimulatorKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<Integer> PORT = KEYS.add(
            "simulator.port", "0", "Port of the simulator (0: an ephemeral port when embedded).", integer(0, 65535));
    public static final Key<List<String>> TOKENS = KEYS.add(
            "simulator.tokens",
            "rdm-loadtest-token-1,rdm-loadtest-token-2",
            "Bearer tokens the simulator accepts, one user each (users 1, 2, ...).",
            list());
    public static final Key<List<String>> ADMIN_TOKENS = KEYS.add(
            "simulator.adminTokens",
            "rdm-loadtest-admin",
            "Bearer tokens of administrators (may delete records: tombstones).",
            list());
    public static final Key<List<String>> WEB_USERS = KEYS.add(
            "simulator.webUsers",
            "loadtest@example.org:rdm-loadtest-password,loadtest2@example.org:rdm-loadtest-password-2",
            "Web UI logins the simulator accepts (email:password), users 1, 2, ... as simulator.tokens: a logged-in"
                    + " session sees what the token of the same position sees.",
            list());
    public static final Key<Integer> WORKERS = KEYS.add(
            "simulator.workers",
            "16",
            "Workers of the performance model (like gunicorn processes x threads); requests queue when all are busy.",
            integer(1, 10_000));
    public static final Key<String> SERVICE_DISTRIBUTION = KEYS.add(
            "simulator.serviceTime.distribution",
            "exponential",
            "Service time distribution around each mean: fixed or exponential.",
            choice("fixed", "exponential"));
    public static final Map<EndpointClass, Key<Duration>> SERVICE_TIME = serviceTimes();
    public static final Map<EndpointClass, Key<Map<Tier, Duration>>> BACKEND_TIME = backendTimes();
    public static final Map<Tier, Key<Integer>> TIER_WORKERS = tierWorkers();
    public static final Key<Duration> BACKGROUND_TIME = KEYS.add(
            "simulator.tiers.background.serviceTime",
            "0s",
            "Mean time a background worker (Celery) spends indexing one published record: each publish queues one task"
                    + " for them, and the record is searchable simulator.refreshDelay after its task is done; 0s: no"
                    + " wait, searchable after the refresh delay alone.",
            duration());
    public static final Key<Integer> BANDWIDTH = KEYS.add(
            "simulator.bandwidthMBps",
            "200",
            "Per-request download/upload bandwidth of the model in MB/s (a worker is held while bytes flow).",
            integer(1, 100_000));
    public static final Key<Long> MAX_CONTENT_LENGTH = KEYS.add(
            "simulator.maxContentLength",
            "100m",
            "Request body limit, as InvenioRDM v14's MAX_CONTENT_LENGTH (100 MiB): a file content upload of this size"
                    + " or more gets 413.",
            bytes(1L << 40));
    public static final Key<String> ACCESS_LOG = KEYS.add(
            "simulator.accessLog",
            null,
            "File the simulator writes an access log to, in nginx's combined format (what mvn -q exec:java@calibrate"
                    + " reads); unset: none.",
            text());
    public static final Key<String> ROBOTS_TXT = KEYS.add(
            "simulator.robotsTxt",
            null,
            "File whose text the simulator serves as /robots.txt (before its Sitemap lines); unset: InvenioRDM v13's"
                    + " (Disallow /search, /api, /me, ..., Crawl-delay: 10).",
            text());
    public static final Key<Integer> SITEMAP_ENTRIES = KEYS.add(
            "simulator.sitemap.maxEntries",
            "10000",
            "Entries per sitemap file (invenio-sitemap's SITEMAP_MAX_ENTRY_COUNT); 0: no sitemap, as on an instance"
                    + " whose update_sitemap task has not run yet (/sitemap.xml 404, robots.txt names none).",
            integer(0, 50_000));
    public static final Key<Duration> REFRESH = KEYS.add(
            "simulator.refreshDelay",
            "1s",
            "Delay before a published record is visible to search (OpenSearch's refresh interval).",
            duration());
    public static final Key<Duration> STATS_INTERVAL = KEYS.add(
            "simulator.statsInterval",
            "1h",
            "How often counted API downloads reach records' stats (InvenioRDM aggregates hourly; v14 reindexes every 10 min).",
            duration());
    public static final Key<Boolean> RATE_LIMIT = KEYS.add(
            "simulator.rateLimit",
            "false",
            "Enforce InvenioRDM's rate limits (429 with X-RateLimit-* and Retry-After).",
            bool());
    public static final Key<List<RateLimiter.Rule>> RATE_GUEST = KEYS.add(
            "simulator.rateLimit.guest",
            "5000 per hour;500 per minute",
            "Limit per User-Agent+IP for anonymous callers (RATELIMIT_GUEST_USER).",
            RateLimiter::parse);
    public static final Key<List<RateLimiter.Rule>> RATE_AUTH = KEYS.add(
            "simulator.rateLimit.authenticated",
            "25000 per hour;1000 per minute",
            "Limit per User-Agent+IP for authenticated callers (RATELIMIT_AUTHENTICATED_USER).",
            RateLimiter::parse);
    public static final Map<EndpointClass, Key<FaultSpec>> FAULTS = faults();

    private static Map<EndpointClass, Key<Duration>> serviceTimes() {
        Map<EndpointClass, Key<Duration>> m = new EnumMap<>(EndpointClass.class);
        for (EndpointClass c : EndpointClass.values()) {
            m.put(
                    c,
                    KEYS.add(
                            "simulator.serviceTime." + c.id(),
                            c.defaultServiceTime(),
                            "Mean service time of one " + c.description() + " request in the performance model.",
                            duration()));
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<EndpointClass, Key<Map<Tier, Duration>>> backendTimes() {
        Map<EndpointClass, Key<Map<Tier, Duration>>> m = new EnumMap<>(EndpointClass.class);
        for (EndpointClass c : EndpointClass.values()) {
            m.put(
                    c,
                    KEYS.add(
                            "simulator.backendTime." + c.id(),
                            c.defaultBackendTime(),
                            "Mean service time one " + c.description()
                                    + " request spends in each backend tier (search, database, files), holding its app"
                                    + " worker meanwhile; none: no backend.",
                            BackendTimes::parse));
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<Tier, Key<Integer>> tierWorkers() {
        Map<Tier, Key<Integer>> m = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            if (t == Tier.APP) continue;
            m.put(
                    t,
                    KEYS.add(
                            "simulator.tiers." + t.id() + ".workers",
                            t.defaultWorkers(),
                            "Workers of the " + t.description() + " tier; "
                                    + (t == Tier.BACKGROUND
                                            ? "published records queue there for indexing when all are busy."
                                            : "requests queue there when all are busy (the app workers:"
                                                    + " simulator.workers)."),
                            integer(1, 10_000)));
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<EndpointClass, Key<FaultSpec>> faults() {
        Map<EndpointClass, Key<FaultSpec>> m = new EnumMap<>(EndpointClass.class);
        for (EndpointClass c : EndpointClass.values()) {
            m.put(
                    c,
                    KEYS.add(
                            "simulator.faults." + c.id(),
                            "none",
                            "Faults for " + c.description()
                                    + " requests, e.g. error=0.05,spike=0.1@800ms,stall=0.01@30s,reset=0.01.",
                            FaultSpec::parse));
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
