package rdmloadtest.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Parsers;
import rdmloadtest.config.Settings;

/**
 * When a run must stop before its end because it is hurting the target (the safety net for runs against
 * production): too many failed requests over a window, or a group's p95 above its limit for too long.
 */
final class StopConditions {
    /** A request still unanswered this long after it was sent counts as failed (a timeout, a refused connection). */
    static final int ANSWER_GRACE_S = 10;
    /** The p95 a limit is compared with is over the answers to the requests of the trailing 10 s. */
    static final int P95_SMOOTHING_S = 10;

    private final Double errorRatePct;
    private final int errorWindowS;
    private final int minRequests;
    private final Map<String, Long> p95LimitMs;
    private final int p95ForS;
    /** Per group, the first second of the current span above its limit. */
    private final Map<String, Long> breachingSince = new HashMap<>();

    StopConditions(Double errorRatePct, int errorWindowS, int minRequests, Map<String, Long> p95LimitMs, int p95ForS) {
        this.errorRatePct = errorRatePct;
        this.errorWindowS = errorWindowS;
        this.minRequests = minRequests;
        this.p95LimitMs = Map.copyOf(p95LimitMs);
        this.p95ForS = p95ForS;
    }

    /** The configured conditions; a limit on a group the SLO file does not define stops here, before any load. */
    static StopConditions from(Settings s, Set<String> groups) {
        Map<String, Long> limits = new LinkedHashMap<>();
        for (String item : s.find(LiveKeys.ABORT_P95).orElse(List.of())) {
            int colon = item.lastIndexOf(':');
            String group = colon < 0 ? "" : item.substring(0, colon).trim();
            if (colon < 0 || !groups.contains(group))
                throw new ConfigException(LiveKeys.ABORT_P95.name() + ": '" + item
                        + "': expected <SLO group>:<duration>, the group one of " + groups);
            Duration d;
            try {
                d = Parsers.parseDuration(item.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(LiveKeys.ABORT_P95.name() + ": '" + item + "': " + e.getMessage());
            }
            limits.put(group, d.toMillis());
        }
        int window = seconds(s.get(LiveKeys.ABORT_ERROR_WINDOW), LiveKeys.ABORT_ERROR_WINDOW.name());
        int p95For = seconds(s.get(LiveKeys.ABORT_P95_FOR), LiveKeys.ABORT_P95_FOR.name());
        return new StopConditions(
                s.find(LiveKeys.ABORT_ERROR_RATE).orElse(null),
                window,
                s.get(LiveKeys.ABORT_MIN_REQUESTS),
                limits,
                p95For);
    }

    private static int seconds(Duration d, String key) {
        if (d.toSeconds() < 1) throw new ConfigException(key + ": " + d + ": expected at least 1s");
        return (int) d.toSeconds();
    }

    boolean any() {
        return errorRatePct != null || !p95LimitMs.isEmpty();
    }

    /** How many seconds of history the conditions look at. */
    int horizonSeconds() {
        return Math.max(errorWindowS + ANSWER_GRACE_S, P95_SMOOTHING_S) + 2;
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        if (errorRatePct != null)
            b.append(String.format(
                    Locale.ROOT,
                    "failed > %s %% of >= %d requests over %d s",
                    LiveRun.num(errorRatePct),
                    minRequests,
                    errorWindowS));
        p95LimitMs.forEach((g, ms) -> b.append(b.isEmpty() ? "" : "; ")
                .append(String.format(Locale.ROOT, "%s p95 > %d ms for %d s", g, ms, p95ForS)));
        return b.toString();
    }

    /**
     * Judged once a second.
     *
     * @param now the current second (epoch seconds)
     * @param elapsed seconds since the first request was sent
     * @return the condition that fired, if one did
     */
    Optional<String> check(long now, long elapsed, Map<String, Window> groups) {
        if (errorRatePct != null && elapsed >= errorWindowS + ANSWER_GRACE_S) {
            long to = now - ANSWER_GRACE_S;
            Window.Tally all = new Window.Tally();
            groups.values().forEach(w -> all.add(w.over(to - errorWindowS + 1, to)));
            if (all.sent >= minRequests && 100.0 * all.failed() / all.sent > errorRatePct) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "abort.errorRatePct=%s: %d of %d requests sent in %d s failed (%.1f %%: %d server errors, %d"
                                + " unanswered after %d s)",
                        LiveRun.num(errorRatePct),
                        all.failed(),
                        all.sent,
                        errorWindowS,
                        100.0 * all.failed() / all.sent,
                        all.serverErrors,
                        Math.max(0, all.sent - all.answered),
                        ANSWER_GRACE_S));
            }
        }
        for (Map.Entry<String, Long> limit : p95LimitMs.entrySet()) {
            Window w = groups.get(limit.getKey());
            Window.Tally t = w == null ? new Window.Tally() : w.over(now - P95_SMOOTHING_S + 1, now);
            double p95 = t.p95();
            boolean above = !Double.isNaN(p95) && p95 > limit.getValue();
            if (!above) {
                breachingSince.remove(limit.getKey());
                continue;
            }
            long run = now - breachingSince.computeIfAbsent(limit.getKey(), g -> now);
            if (run >= p95ForS)
                return Optional.of(String.format(
                        Locale.ROOT,
                        "abort.p95 %s:%d ms: p95 over the trailing %d s above the limit for %d s (now %.0f ms)",
                        limit.getKey(),
                        limit.getValue(),
                        P95_SMOOTHING_S,
                        run,
                        p95));
        }
        return Optional.empty();
    }
}
