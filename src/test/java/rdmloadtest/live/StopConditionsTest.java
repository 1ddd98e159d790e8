package rdmloadtest.live;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;

/** The stop conditions on windows filled by hand: no clock, no load. */
class StopConditionsTest {
    private static final long T0 = 1_800_000_000L;

    private static Map<String, Window> groups() {
        Map<String, Window> m = new LinkedHashMap<>();
        m.put("search", new Window(60));
        m.put("record view", new Window(60));
        return m;
    }

    /** {@code n} requests a second from {@code from} to {@code to}, answered in {@code ms}, {@code errors} of them 5xx. */
    private static void traffic(Window w, long from, long to, int n, long ms, int errors, boolean answered) {
        for (long s = from; s <= to; s++)
            for (int i = 0; i < n; i++) {
                w.sent(s);
                if (answered) w.answered(s, ms, i < errors);
            }
    }

    private static Settings settings(Map<String, String> values) {
        Properties p = new Properties();
        p.putAll(values);
        return new Settings(ConfigSource.of(p, Map.of()));
    }

    @Test
    void errorRateFiresOnServerErrorsAboveTheLimitAndNotBelow() {
        StopConditions c = new StopConditions(5.0, 10, 20, Map.of(), 30);
        Map<String, Window> g = groups();
        // 10 requests a second, 1 of them a 5xx: 10 % failed.
        traffic(g.get("search"), T0, T0 + 30, 10, 50, 1, true);
        long now = T0 + 30;
        Optional<String> fired = c.check(now, 30, g);
        assertTrue(fired.isPresent());
        assertTrue(fired.get().contains(": 10 of 100 requests sent in 10 s failed (10.0 %"), fired.get());
        assertTrue(fired.get().startsWith("abort.errorRatePct=5:"), fired.get());

        StopConditions lenient = new StopConditions(15.0, 10, 20, Map.of(), 30);
        assertEquals(Optional.empty(), lenient.check(now, 30, g));
    }

    @Test
    void unansweredRequestsCountAsFailedOnlyAfterTheGrace() {
        StopConditions c = new StopConditions(50.0, 5, 1, Map.of(), 30);
        Map<String, Window> g = groups();
        long now = T0 + 40;
        // The target stopped answering 8 s ago: those requests are younger than the grace, nothing fires yet.
        traffic(g.get("record view"), T0, now - 8, 4, 20, 0, true);
        traffic(g.get("record view"), now - 7, now, 4, 0, 0, false);
        assertEquals(Optional.empty(), c.check(now, 40, g));
        // 12 s later they are failures.
        traffic(g.get("record view"), now + 1, now + 12, 4, 0, 0, false);
        Optional<String> fired = c.check(now + 12, 52, g);
        assertTrue(fired.isPresent(), "a target that stopped answering must stop the run");
        assertTrue(fired.get().contains("unanswered after 10 s"), fired.get());
    }

    @Test
    void tooFewRequestsAreNoTrend() {
        StopConditions c = new StopConditions(5.0, 10, 20, Map.of(), 30);
        Map<String, Window> g = groups();
        traffic(g.get("search"), T0, T0 + 30, 1, 50, 1, true); // every request fails, but 10 in the window < 20
        assertEquals(Optional.empty(), c.check(T0 + 30, 30, g));
    }

    @Test
    void p95MustStayAboveItsLimitForTheWholeSpan() {
        StopConditions c = new StopConditions(null, 30, 20, Map.of("search", 500L), 5);
        Map<String, Window> g = groups();
        long s = T0;
        for (int i = 0; i < 4; i++, s++) {
            traffic(g.get("search"), s, s, 10, 900, 0, true);
            assertEquals(Optional.empty(), c.check(s, i, g), "fired after " + (i + 1) + " s");
        }
        // Slow seconds out of the smoothing window, a fast one in it: the span starts again.
        s += StopConditions.P95_SMOOTHING_S;
        traffic(g.get("search"), s, s, 10, 100, 0, true);
        assertEquals(Optional.empty(), c.check(s, 20, g), "a fast window resets the span");
        s++;
        Optional<String> fired = Optional.empty();
        for (int i = 0; i < 5 + StopConditions.P95_SMOOTHING_S && fired.isEmpty(); i++, s++) {
            traffic(g.get("search"), s, s, 40, 900, 0, true);
            fired = c.check(s, 30 + i, g);
        }
        assertTrue(fired.isPresent(), "5 s above the limit must fire");
        assertTrue(fired.get().startsWith("abort.p95 search:500 ms"), fired.get());
    }

    @Test
    void aLimitOnAGroupTheSloFileDoesNotDefineIsAnErrorNamingTheGroups() {
        Settings s = settings(Map.of("abort.p95", "serch:2s"));
        ConfigException e =
                assertThrows(ConfigException.class, () -> StopConditions.from(s, Set.of("search", "record view")));
        assertTrue(e.getMessage().startsWith("abort.p95: 'serch:2s': expected <SLO group>:<duration>"), e.getMessage());
        Settings bad = settings(Map.of("abort.p95", "search:soon"));
        assertThrows(ConfigException.class, () -> StopConditions.from(bad, Set.of("search")));
        Settings good = settings(Map.of("abort.p95", "search:2s, record view:1500ms"));
        assertTrue(StopConditions.from(good, Set.of("search", "record view")).any());
        assertFalse(StopConditions.from(settings(Map.of()), Set.of("search")).any());
    }
}
