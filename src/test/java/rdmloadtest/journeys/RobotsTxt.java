package rdmloadtest.journeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a site's robots.txt says to one crawler (RFC 9309, with the Crawl-delay and Sitemap lines crawlers also read):
 * the group for its user agent (the longest User-agent name its agent contains, else "*"), its Allow and Disallow
 * rules (the longest match wins, Allow on a tie; {@code *} and a final {@code $} as in the RFC), its Crawl-delay,
 * and the site's sitemaps. A robots.txt that is missing (4xx) allows everything; one that failed (5xx) nothing.
 */
public final class RobotsTxt {
    private record Rule(boolean allow, String path, Pattern pattern) {}

    private final List<Rule> rules;
    private final Optional<Duration> crawlDelay;
    private final List<String> sitemaps;

    private RobotsTxt(List<Rule> rules, Optional<Duration> crawlDelay, List<String> sitemaps) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
        this.sitemaps = sitemaps;
    }

    /** As the crawler reads it: by the answer's status, then its text. */
    public static RobotsTxt of(int status, String body, String userAgent) {
        if (status >= 500) return new RobotsTxt(List.of(rule(false, "/")), Optional.empty(), List.of());
        if (status >= 400 || body == null) return new RobotsTxt(List.of(), Optional.empty(), List.of());
        return parse(body, userAgent);
    }

    static RobotsTxt parse(String text, String userAgent) {
        String agent = userAgent.toLowerCase(Locale.ROOT);
        List<String> sitemaps = new ArrayList<>();
        // Per group: its agents, rules and delay; the best group is chosen once all are read.
        List<List<String>> groupAgents = new ArrayList<>();
        List<List<Rule>> groupRules = new ArrayList<>();
        List<Duration> groupDelays = new ArrayList<>();
        boolean inAgents = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).trim();
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String field = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (field) {
                case "user-agent" -> {
                    if (!inAgents) {
                        groupAgents.add(new ArrayList<>());
                        groupRules.add(new ArrayList<>());
                        groupDelays.add(null);
                    }
                    groupAgents.get(groupAgents.size() - 1).add(value.toLowerCase(Locale.ROOT));
                    inAgents = true;
                }
                case "allow", "disallow" -> {
                    inAgents = false;
                    // An empty Disallow allows everything: no rule.
                    if (!groupRules.isEmpty() && !value.isEmpty())
                        groupRules.get(groupRules.size() - 1).add(rule(field.equals("allow"), value));
                }
                case "crawl-delay" -> {
                    inAgents = false;
                    if (!groupDelays.isEmpty())
                        seconds(value).ifPresent(d -> groupDelays.set(groupDelays.size() - 1, d));
                }
                case "sitemap" -> sitemaps.add(value);
                default -> inAgents = false;
            }
        }
        int best = -1;
        for (List<String> names : groupAgents) for (String n : names) best = Math.max(best, match(n, agent));
        if (best < 0) return new RobotsTxt(List.of(), Optional.empty(), List.copyOf(sitemaps));
        // Every group naming the best-matching agent applies, merged (RFC 9309 2.2.1).
        List<Rule> rules = new ArrayList<>();
        Duration delay = null;
        for (int g = 0; g < groupAgents.size(); g++) {
            int length = best;
            if (groupAgents.get(g).stream().noneMatch(n -> match(n, agent) == length)) continue;
            rules.addAll(groupRules.get(g));
            if (delay == null) delay = groupDelays.get(g);
        }
        return new RobotsTxt(List.copyOf(rules), Optional.ofNullable(delay), List.copyOf(sitemaps));
    }

    /** How well a User-agent line names this agent: its length when the agent contains it, 0 for "*", else -1. */
    private static int match(String name, String agent) {
        if (name.equals("*")) return 0;
        return !name.isEmpty() && agent.contains(name) ? name.length() : -1;
    }

    private static Optional<Duration> seconds(String value) {
        try {
            double s = Double.parseDouble(value);
            return s < 0 || Double.isNaN(s) || s > 86_400
                    ? Optional.empty()
                    : Optional.of(Duration.ofMillis(Math.round(s * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Rule rule(boolean allow, String path) {
        StringBuilder regex = new StringBuilder();
        boolean anchored = path.endsWith("$");
        String body = anchored ? path.substring(0, path.length() - 1) : path;
        for (String part : body.split("\\*", -1)) {
            if (!regex.isEmpty()) regex.append(".*");
            regex.append(Pattern.quote(part));
        }
        if (!anchored) regex.append(".*");
        return new Rule(allow, path, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Whether the crawler may request this path (with its query, if any). */
    public boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule r : rules) {
            if (!r.pattern().matcher(pathAndQuery).matches()) continue;
            if (best == null
                    || r.path().length() > best.path().length()
                    || r.path().length() == best.path().length() && r.allow()) best = r;
        }
        return best == null || best.allow();
    }

    /** The delay the site asks between two requests, if it asks one. */
    public Optional<Duration> crawlDelay() {
        return crawlDelay;
    }

    /** The sitemaps (index files or sitemaps) its Sitemap lines name, in their order. */
    public List<String> sitemaps() {
        return sitemaps;
    }
}
