package rdmloadtest.simulations;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.results.RunSummary;
import rdmloadtest.testing.GatlingRun;

/**
 * The crawler journey against the simulator, read back from the simulator's access log: it asks robots.txt first,
 * then only what robots.txt allows it, under its crawler User-Agent (the run's own pre-flight calls aside), with 0 KO.
 */
class CrawlerTest {
    @TempDir
    static Path dir;

    private static final Pattern LINE =
            Pattern.compile("\"(GET|HEAD|POST) (\\S+) HTTP/[0-9.]+\" (\\d{3}) .* \"([^\"]*)\"$");

    private record Logged(String path, int status, String agent) {}

    private static List<Logged> crawl(String name, String robotsTxt, Map<String, String> extra) throws Exception {
        Path log = dir.resolve(name + ".log");
        Map<String, String> props = new HashMap<>(Map.of(
                "profile", "smoke",
                "journey", "crawl",
                "simulator.serviceTime.distribution", "fixed",
                "simulator.accessLog", log.toString()));
        if (robotsTxt != null) {
            Path robots = dir.resolve(name + "-robots.txt");
            Files.writeString(robots, robotsTxt);
            props.put("simulator.robotsTxt", robots.toString());
        }
        props.putAll(extra);
        GatlingRun.Result r = GatlingRun.run(JourneySimulation.class, props, dir.resolve(name));
        assertEquals(0, r.exitCode(), name + ": the run crashed");
        assertEquals(
                RunSummary.Verdict.PASSED,
                r.verdict(),
                name + ": "
                        + r.run().map(x -> x.summary().failures().toString()).orElse("no summary"));
        long ko = r.run().orElseThrow().summary().requests().stream()
                .mapToLong(q -> q.run().ko())
                .sum();
        assertEquals(0, ko, name + ": KO");
        List<Logged> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.find(), "not a combined log line: " + line);
            // The run's own pre-flight calls come first, under the run's agent: the crawler's are the journey.
            if (m.group(4).contains("rdm-loadtest-crawler"))
                out.add(new Logged(m.group(2), Integer.parseInt(m.group(3)), m.group(4)));
            else assertFalse(m.group(2).contains("/records/") && !m.group(2).startsWith("/api"), line);
        }
        assertFalse(out.isEmpty(), name + ": nothing logged under the crawler's agent");
        assertEquals("/robots.txt", out.get(0).path(), name + ": robots.txt first");
        return out;
    }

    private static List<String> paths(List<Logged> logged) {
        return logged.stream().map(Logged::path).toList();
    }

    @Test
    void withInvenioRdmsRobotsTxtItReadsTheSitemapThenLandingPagesAndExports() throws Exception {
        List<String> paths = paths(crawl("default", null, Map.of("traffic.crawl.pages", "4")));
        assertEquals("/sitemap_index_0.xml", paths.get(1), paths.toString());
        assertEquals("/sitemap_0.xml", paths.get(2), paths.toString());
        List<String> pages =
                paths.stream().filter(p -> p.matches("/records/[^/]+")).toList();
        List<String> exports = paths.stream()
                .filter(p -> p.matches("/records/[^/]+/export/.+"))
                .toList();
        assertEquals(4, pages.size(), paths.toString());
        assertEquals(4, exports.size(), "one export per landing page: " + paths);
        for (String p : paths)
            assertFalse(
                    p.startsWith("/api") || p.startsWith("/search") || p.contains("/preview"),
                    "InvenioRDM's robots.txt disallows " + p);
    }

    @Test
    void aDisallowedPathIsNeverRequested() throws Exception {
        // The wildcard group shuts everyone out; the crawler's own group keeps records not ending in 0, every export
        // but JSON, and the sitemap: the journey reads every record of the sitemap, two exports after each.
        String robots = "User-agent: *\nDisallow: /\n\nUser-agent: rdm-loadtest-crawler\nDisallow: /records/*0$\n"
                + "Disallow: /records/*/export/json$\nCrawl-delay: 0.001\n";
        List<Logged> logged =
                crawl("partial", robots, Map.of("traffic.crawl.pages", "1000", "traffic.crawl.exportsPerPage", "2"));
        List<String> paths = paths(logged);
        List<String> pages =
                paths.stream().filter(p -> p.matches("/records/[^/]+")).toList();
        assertTrue(pages.size() > 100, "the sitemap's records: " + pages.size());
        for (String p : paths) {
            assertFalse(p.matches("/records/[^/]*0"), "disallowed record page requested: " + p);
            assertFalse(p.endsWith("/export/json"), "disallowed export requested: " + p);
        }
        assertTrue(paths.stream().anyMatch(p -> p.endsWith("/export/json-ld")), "json-ld stays allowed: " + paths);
        assertTrue(paths.contains("/sitemap_0.xml"), "the sitemap was read");
        // The data set has records ending in 0: the rule had something to keep the crawler from.
        assertTrue(Files.readAllLines(Path.of("data/default/feeders/records.csv")).stream()
                .anyMatch(l -> l.split(",")[1].endsWith("0") && l.contains(",open,")));
    }

    @Test
    void aRobotsTxtDisallowingEverythingLeavesOnlyRobotsTxt() throws Exception {
        List<Logged> logged = crawl("none", "User-agent: *\nDisallow: /\n", Map.of());
        assertEquals(List.of("/robots.txt"), paths(logged));
    }

    @Test
    void withoutASitemapItOpensRecordsByPopularity() throws Exception {
        List<String> paths = paths(crawl("nositemap", null, Map.of("simulator.sitemap.maxEntries", "0")));
        assertTrue(paths.stream().noneMatch(p -> p.contains("sitemap")), paths.toString());
        assertTrue(paths.stream().anyMatch(p -> p.matches("/records/[^/]+")), paths.toString());
    }
}
