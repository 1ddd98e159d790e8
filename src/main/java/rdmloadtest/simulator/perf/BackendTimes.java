package rdmloadtest.simulator.perf;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import rdmloadtest.config.Parsers;

/** What one request of an endpoint class costs each backend tier: "search=6ms,database=1ms", or "none". */
public final class BackendTimes {
    private BackendTimes() {}

    public static Map<Tier, Duration> parse(String text) {
        String t = text.trim();
        Map<Tier, Duration> m = new EnumMap<>(Tier.class);
        if (t.equals("none")) return Collections.unmodifiableMap(m);
        for (String part : t.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2)
                throw new IllegalArgumentException("expected tier=time pairs such as search=6ms,database=1ms, or none");
            Tier tier = Tier.byId(kv[0].trim());
            if (tier == Tier.APP)
                throw new IllegalArgumentException(
                        "the app's own time is simulator.serviceTime.<class>; expected search, database or files");
            if (tier == Tier.BACKGROUND)
                throw new IllegalArgumentException("no request waits for the background workers: their time per"
                        + " record is simulator.tiers.background.serviceTime; expected search, database or files");
            m.put(tier, Parsers.parseDuration(kv[1].trim()));
        }
        return Collections.unmodifiableMap(m);
    }
}
