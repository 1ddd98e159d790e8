package rdmloadtest.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** What calibrate writes besides the profile: feeders, the report (Markdown, HTML, charts) and calibration.json. */
final class CalibrationReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CalibrationReport() {}

    /** feeders/popularity.csv (rank,id,views) and feeders/search_queries.csv (kind,q), most frequent first. */
    static void feeders(Path out, LogStats s) throws IOException {
        Path dir = Files.createDirectories(out.resolve("feeders"));
        List<Map.Entry<String, long[]>> views = s.viewsById.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .toList();
        try (CSVPrinter p = new CSVPrinter(
                Files.newBufferedWriter(dir.resolve("popularity.csv"), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("rank", "id", "views").get())) {
            int rank = 0;
            for (Map.Entry<String, long[]> e : views) p.printRecord(++rank, e.getKey(), e.getValue()[0]);
        }
        List<Map.Entry<String, long[]>> queries = s.queries.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(10_000)
                .toList();
        try (CSVPrinter p = new CSVPrinter(
                Files.newBufferedWriter(dir.resolve("search_queries.csv"), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("kind", "q").get())) {
            for (Map.Entry<String, long[]> e : queries) p.printRecord(kind(e.getKey()), e.getKey());
        }
    }

    /** The query kinds of the generated feeder (term, phrase, field, boolean, wildcard). */
    static String kind(String q) {
        if (q.contains("\"") && q.contains(":")) return "field";
        if (q.contains("\"")) return "phrase";
        if (q.matches(".*\\b(AND|OR|NOT)\\b.*")) return "boolean";
        if (q.contains("*") || q.contains("?")) return "wildcard";
        if (q.contains(":")) return "field";
        return "term";
    }

    static void write(Path out, Calibration c, Profile p, Fidelity fidelity) throws IOException {
        System.setProperty("java.awt.headless", "true");
        JSON.writeValue(out.resolve("calibration.json").toFile(), Map.of("calibration", c, "profile", p.keys()));
        classes(c).save(out.resolve("classes.png"));
        arrivals(c).save(out.resolve("arrivals.png"));
        popularity(out, c).save(out.resolve("popularity.png"));
        String md = markdown(c, p, fidelity);
        Files.writeString(out.resolve("calibration.md"), md, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("calibration.html"), html(md), StandardCharsets.UTF_8);
    }

    /** The web visits: what sets the web journeys' weights and the traffic.web, landingPage and iiif keys. */
    private static void web(StringBuilder b, Calibration.Web w) {
        b.append(String.format(
                Locale.ROOT,
                "## Web visits%n%n%d web visits (a client's requests with no gap over %d minutes, at least one web page,"
                        + " crawlers left out): %.2f pages and %.1f distinct static files per visit. Per landing page"
                        + " (%d): %.3f citations, %.3f exports, %.3f previews. IIIF: %d image views, %.1f tiles each.%n%n"
                        + "| First page: journey | Visits |%n|---|---:|%n",
                w.visits(),
                Visits.GAP_SECONDS / 60,
                w.pagesPerVisit(),
                w.staticPerVisit(),
                w.landingPages(),
                w.citationsPerLanding(),
                w.exportsPerLanding(),
                w.previewsPerLanding(),
                w.imageViews(),
                w.tilesPerView()));
        w.visitsByJourney()
                .forEach((j, n) ->
                        b.append("| ").append(j).append(" | ").append(n).append(" |\n"));
        b.append('\n');
    }

    static String markdown(Calibration c, Profile p, Fidelity fidelity) {
        StringBuilder b = new StringBuilder("# Workload calibrated from access logs\n\n");
        b.append(String.format(
                Locale.ROOT,
                "%d lines, %d requests read (%d unparseable), %s to %s (%.2f days). **%.2f %% classified.**%n%n",
                c.lines(),
                c.parsed(),
                c.unparseable(),
                c.from(),
                c.to(),
                c.days(),
                c.classifiedPct()));
        b.append("Profile: `calibrated.properties` (`mvn gatling:test -Dprofile.file=")
                .append("calibrated.properties`)")
                .append("; feeders: `feeders/popularity.csv`, `feeders/search_queries.csv`.\n\n");
        b.append("## Requests per class\n\n| Class | Requests | Share of all | Share of what the simulations send |\n")
                .append("|---|---:|---:|---:|\n");
        c.classes()
                .forEach((k, v) -> b.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.2f %% | %s |%n",
                        k,
                        v,
                        c.parsed() == 0 ? 0 : 100.0 * v / c.parsed(),
                        c.generatedShares().containsKey(k)
                                ? String.format(
                                        Locale.ROOT,
                                        "%.2f %%",
                                        c.generatedShares().get(k))
                                : "not sent")));
        b.append("\n![classes](classes.png)\n\n");
        web(b, c.web());
        b.append("## Visitors\n\n| Kind | Requests |\n|---|---:|\n");
        c.visitors()
                .forEach((k, v) ->
                        b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append(
                "\nCrawlers by user agent (bot, crawler, spider, scripts' HTTP libraries); harvesters by OAI-PMH use or"
                        + " agent; automated by behaviour (100+ requests at 1/s or more, or search pages beyond the first 1 000"
                        + " hits).\n\n## Arrivals over the day\n\n");
        b.append(String.format(
                Locale.ROOT,
                "Peak hour %02d:00 UTC; peak-to-mean %.2f; reader requests/s in the peak hour %.3f.%n%n",
                c.peakHour(),
                c.peakToMean(),
                c.peakReaderRps()));
        b.append("![arrivals](arrivals.png)\n\n## Record popularity\n\n");
        ZipfFit.Result z = c.zipf();
        b.append(String.format(
                Locale.ROOT,
                "%d records viewed. Zipf exponent **%.3f**, fitted by maximum likelihood to the %d records viewed at"
                        + " least %d times (%d views).%n%n![popularity](popularity.png)%n%n",
                c.viewedRecords(),
                z.exponent(),
                z.records(),
                ZipfFit.MIN_VIEWS,
                z.views()));
        Calibration.Search s = c.search();
        b.append("## Searches\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%d searches: %.1f %% without a query, %.1f %% with a facet, %.1f %% beyond page 1; %d distinct queries"
                                + " (%d dropped as personal).%n%n| Page size | Searches |%n|---:|---:|%n",
                        s.searches(),
                        100 * s.browseShare(),
                        100 * s.facetShare(),
                        100 * s.nextPageShare(),
                        s.distinctQueries(),
                        c.personalQueriesDropped()));
        s.pageSizes()
                .forEach((k, v) ->
                        b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append("\n| Sort | Searches |\n|---|---:|\n");
        s.sorts()
                .forEach((k, v) ->
                        b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append("\n## Downloads\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%d file downloads; bytes p50 %d, p95 %d, p99 %d, max %d.%n%n",
                        c.downloads().count(),
                        c.downloads().p50(),
                        c.downloads().p95(),
                        c.downloads().p99(),
                        c.downloads().max()));
        b.append("## Routes not classified\n\n");
        if (c.unclassified().isEmpty()) b.append("None.\n");
        else {
            b.append("| Route (identifiers replaced) | Requests |\n|---|---:|\n");
            c.unclassified()
                    .forEach(e -> b.append("| `")
                            .append(e.getKey())
                            .append("` | ")
                            .append(e.getValue())
                            .append(" |\n"));
        }
        b.append("\n## Request names\n\n| Class | Request | Requests |\n|---|---|---:|\n");
        c.requestNames().forEach((k, v) -> {
            String[] parts = k.split("\t", 2);
            b.append("| ")
                    .append(parts[0])
                    .append(" | ")
                    .append(parts[1])
                    .append(" | ")
                    .append(v)
                    .append(" |\n");
        });
        b.append("\n## Profile\n\n```properties\n");
        p.keys().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        b.append("```\n");
        if (fidelity != null) b.append("\n## Fidelity check\n\n").append(fidelity.markdown());
        return b.toString();
    }

    /** The Markdown as a page of its own (tables and images; no script, works offline). */
    static String html(String md) {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Calibration"
                + "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:"
                + "collapse}td,th{border:1px solid #ccc;padding:2px 8px}img{max-width:100%}</style></head><body>\n");
        boolean table = false;
        boolean pre = false;
        for (String line : md.split("\n")) {
            if (line.startsWith("```")) {
                b.append(pre ? "</pre>\n" : "<pre>");
                pre = !pre;
                continue;
            }
            if (pre) {
                b.append(esc(line)).append('\n');
                continue;
            }
            if (line.startsWith("|")) {
                if (line.matches("\\|[-:| ]+\\|")) continue;
                if (!table) b.append("<table>\n");
                table = true;
                b.append("<tr>");
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                for (String cell : cells)
                    b.append("<td>").append(inline(cell.trim())).append("</td>");
                b.append("</tr>\n");
                continue;
            }
            if (table) b.append("</table>\n");
            table = false;
            if (line.startsWith("## "))
                b.append("<h2>").append(esc(line.substring(3))).append("</h2>\n");
            else if (line.startsWith("# "))
                b.append("<h1>").append(esc(line.substring(2))).append("</h1>\n");
            else if (line.startsWith("![")) {
                String src = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                b.append("<p><img src=\"").append(esc(src)).append("\" alt=\"chart\"></p>\n");
            } else if (!line.isBlank()) b.append("<p>").append(inline(line)).append("</p>\n");
        }
        if (table) b.append("</table>\n");
        return b.append("</body></html>\n").toString();
    }

    private static String inline(String s) {
        return esc(s).replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>").replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private record Chart(JFreeChart chart) {
        void save(Path file) throws IOException {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 420);
        }
    }

    private static Chart classes(Calibration c) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        c.classes().forEach((k, v) -> d.addValue(c.parsed() == 0 ? 0 : 100.0 * v / c.parsed(), "share", k));
        JFreeChart ch = ChartFactory.createBarChart(
                "Requests per class", null, "% of requests", d, PlotOrientation.VERTICAL, false, false, false);
        ch.setBackgroundPaint(Color.WHITE);
        ch.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        return new Chart(ch);
    }

    private static Chart arrivals(Calibration c) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (int h = 0; h < 24; h++)
            d.addValue(c.meanPerHourOfDay()[h] / 3600.0, "requests/s", String.format("%02d", h));
        JFreeChart ch = ChartFactory.createBarChart(
                "Arrivals over the day (mean over the days logged)",
                "Hour of the day (UTC)",
                "Requests/s",
                d,
                PlotOrientation.VERTICAL,
                false,
                false,
                false);
        ch.setBackgroundPaint(Color.WHITE);
        ch.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        return new Chart(ch);
    }

    private static Chart popularity(Path out, Calibration c) throws IOException {
        XYSeries seen = new XYSeries("Views per record, by rank");
        XYSeries fit = new XYSeries("Zipf fit");
        List<String> lines = Files.readAllLines(out.resolve("feeders/popularity.csv"));
        long top = 0;
        double h = 0;
        int n = lines.size() - 1;
        for (int i = 1; i < lines.size() && i <= 20_000; i++) {
            String[] f = lines.get(i).split(",");
            long v = Long.parseLong(f[2]);
            if (i == 1) top = v;
            seen.add(i, v);
        }
        double s = c.zipf().exponent();
        if (!Double.isNaN(s) && top > 0)
            for (int r = 1; r <= Math.min(n, 20_000); r = r < 10 ? r + 1 : (int) Math.ceil(r * 1.2))
                fit.add(r, top * Math.pow(r, -s));
        XYSeriesCollection d = new XYSeriesCollection(seen);
        d.addSeries(fit);
        JFreeChart ch = ChartFactory.createXYLineChart(
                String.format(Locale.ROOT, "Record popularity (Zipf exponent %.2f)", s),
                "Rank",
                "Views",
                d,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        XYPlot plot = ch.getXYPlot();
        if (n > 1) plot.setDomainAxis(new LogAxis("Rank"));
        if (top > 1) plot.setRangeAxis(new LogAxis("Views"));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesLinesVisible(1, true);
        r.setSeriesShapesVisible(1, false);
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        ch.setBackgroundPaint(Color.WHITE);
        return new Chart(ch);
    }
}
