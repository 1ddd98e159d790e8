package rdmloadtest.simulator.perf;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * InvenioRDM's application-wide rate limit (Flask-Limiter, moving window): one budget per
 * User-Agent + client IP, shared by every endpoint, guest or authenticated limits.
 */
public final class RateLimiter {
    /** One limit such as "500 per 1 minute". */
    public record Rule(int amount, Duration window, String text) {}

    /** What the limiter decided: the rule shown in the headers, the remaining budget, and when it resets. */
    public record Verdict(boolean allowed, Rule rule, int remaining, long resetEpochSeconds, long retryAfterSeconds) {}

    private static final Pattern RULE = Pattern.compile("(\\d+)\\s*(?:per|/)\\s*(\\d+)?\\s*(second|minute|hour|day)s?");

    private final List<Rule> guest;
    private final List<Rule> authenticated;
    private final Map<String, ArrayDeque<Long>> hits = new ConcurrentHashMap<>();

    public RateLimiter(List<Rule> guest, List<Rule> authenticated) {
        this.guest = guest;
        this.authenticated = authenticated;
    }

    /** Parses Flask-Limiter's notation: "25000 per hour;1000 per minute". */
    public static List<Rule> parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String part : text.split(";")) {
            Matcher m = RULE.matcher(part.trim().toLowerCase());
            if (!m.matches()) {
                throw new IllegalArgumentException("expected limits like '5000 per hour;500 per minute'");
            }
            int n = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            Duration unit = switch (m.group(3)) {
                case "second" -> Duration.ofSeconds(1);
                case "minute" -> Duration.ofMinutes(1);
                case "hour" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            rules.add(new Rule(
                    Integer.parseInt(m.group(1)), unit.multipliedBy(n), m.group(1) + " per " + n + " " + m.group(3)));
        }
        rules.sort(Comparator.comparing(Rule::window));
        return List.copyOf(rules);
    }

    public Verdict hit(String userAgent, String ip, boolean isAuthenticated, long nowMillis) {
        List<Rule> rules = isAuthenticated ? authenticated : guest;
        String key = (isAuthenticated ? "a|" : "g|") + userAgent + "|" + ip;
        ArrayDeque<Long> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            long longest = rules.get(rules.size() - 1).window().toMillis();
            while (!times.isEmpty() && times.peekFirst() <= nowMillis - longest) times.pollFirst();
            for (Rule r : rules) {
                int used = countSince(times, nowMillis - r.window().toMillis());
                if (used >= r.amount()) {
                    long oldest = oldestSince(times, nowMillis - r.window().toMillis());
                    long reset = oldest + r.window().toMillis();
                    return new Verdict(
                            false, r, 0, (reset + 999) / 1000, Math.max(1, (reset - nowMillis + 999) / 1000));
                }
            }
            times.addLast(nowMillis);
            Rule shown = rules.get(0);
            int used = countSince(times, nowMillis - shown.window().toMillis());
            long reset = oldestSince(times, nowMillis - shown.window().toMillis())
                    + shown.window().toMillis();
            return new Verdict(
                    true,
                    shown,
                    shown.amount() - used,
                    (reset + 999) / 1000,
                    Math.max(1, (reset - nowMillis + 999) / 1000));
        }
    }

    private static int countSince(ArrayDeque<Long> times, long since) {
        int n = 0;
        var it = times.descendingIterator();
        while (it.hasNext() && it.next() > since) n++;
        return n;
    }

    private static long oldestSince(ArrayDeque<Long> times, long since) {
        for (long t : times) if (t > since) return t;
        return since;
    }
}
