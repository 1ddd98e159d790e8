package rdmloadtest.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a capacity report into {@code <root>/<date>-<target>/} (a suffix -2, -3, ... when that folder exists):
 * capacity.json, summary.md, and index.html with its charts as PNG files, readable offline.
 */
public final class CapacityReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CapacityReport() {}

    public static Path write(Path root, CapacityResult c) throws IOException {
        return write(root, c, List.of());
    }

    /** @param tiers each step's tier metrics, when the steps ran with metrics.file */
    static Path write(Path root, CapacityResult c, List<TierSteps.Row> tiers) throws IOException {
        String base = LocalDate.now(ZoneOffset.UTC) + "-" + c.target().replaceAll("[^A-Za-z0-9.-]", "_");
        Path dir = root.resolve(base);
        for (int i = 2; Files.exists(dir); i++) dir = root.resolve(base + "-" + i);
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("capacity.json").toFile(), c);
        Files.writeString(
                dir.resolve("summary.md"),
                markdown(c)
                        + TierSteps.markdown(tiers, c.attribution())
                        + (c.dataset() == null ? "" : c.dataset().markdown()));
        Charts.writeAll(dir, c);
        TierSteps.chart(dir, tiers);
        Files.writeString(dir.resolve("index.html"), html(c));
        return dir;
    }

    /** The verdict in a few sentences, shared by summary.md and index.html. */
    static List<String> findings(CapacityResult c) {
        String max = c.injectorBoundAtRps() != null
                ? "**none: injector-bound at " + n(c.injectorBoundAtRps())
                        + " req/s: add injectors or cores**"
                        + (c.lowerBoundRps() == null
                                ? ""
                                : " (the target met every SLO up to " + n(c.lowerBoundRps()) + " req/s, a lower bound)")
                : c.maxSustainableRps() == null
                        ? "no step met every SLO (the first step already failed)"
                        : "**" + n(c.maxSustainableRps()) + " req/s** (step " + c.maxSustainableStep() + ")";
        String first = c.firstFailingTargetRps() == null
                ? "No step failed an SLO: the limit is above the rates tried."
                : "The SLOs first failed at a target of " + n(c.firstFailingTargetRps())
                        + " req/s; the group that broke first: " + String.join(", ", c.breaksFirst()) + ".";
        String knee = c.knee().offeredRps() == null
                ? "Knee: none (" + c.knee().note() + ")."
                : "Knee of the p95 curve at " + n(c.knee().offeredRps()) + " req/s offered (step "
                        + c.knee().step() + ", p95 " + c.knee().p95Ms() + " ms).";
        String usl = c.usl() == null
                ? "USL: not fitted (fewer than 3 valid steps)."
                : String.format(
                        Locale.ROOT,
                        "USL fit: λ = %.3f req/s, σ = %.4f, κ = %.6f (R² = %.3f over %d steps)%s.",
                        c.usl().lambda(),
                        c.usl().sigma(),
                        c.usl().kappa(),
                        c.usl().rSquared(),
                        c.usl().points(),
                        c.usl().peakN() != null
                                ? String.format(
                                        Locale.ROOT,
                                        "; predicted peak N* = %.1f in flight, X(N*) = %.1f req/s",
                                        c.usl().peakN(),
                                        c.usl().peakX())
                                : c.usl().peakX() != null
                                        ? String.format(
                                                Locale.ROOT,
                                                "; no retrograde region (κ = 0), throughput "
                                                        + "approaches λ/σ = %.1f req/s",
                                                c.usl().peakX())
                                        : "; no limit predicted (σ = κ = 0)");
        String head = c.headroom().headroomPct() == null
                ? "Headroom: unknown (no sustainable rate)."
                : String.format(
                        Locale.ROOT,
                        "Headroom over the expected peak of %s req/s: %+.1f %% (the peak uses %.0f %% of "
                                + "the capacity).",
                        n(c.headroom().expectedPeakRps()),
                        c.headroom().headroomPct(),
                        c.headroom().peakUtilisationPct());
        List<String> out = new ArrayList<>(List.of("Highest throughput meeting every SLO: " + max + ".", first));
        if (c.background() != null && c.background().verdict() != null)
            out.add(c.background().verdict());
        out.addAll(List.of(
                knee,
                usl,
                head,
                "Stopped: " + c.stopReason() + ". " + c.steps().size() + " steps, " + n(c.loadSeconds())
                        + " s of load (" + n(c.wallSeconds()) + " s in all)."));
        return out;
    }

    static String markdown(CapacityResult c) {
        StringBuilder b = new StringBuilder();
        b.append("# Capacity of ")
                .append(c.target())
                .append(" (journey ")
                .append(c.journey())
                .append(")\n\n");
        for (String f : findings(c)) b.append("- ").append(f).append('\n');
        b.append(
                "\n## Limit per SLO group\n\n| Group | Limit (req/s of the mix) | Failed at (target req/s) | First failure |\n"
                        + "|---|---:|---:|---|\n");
        for (CapacityResult.GroupLimit g : c.groups()) {
            b.append("| ")
                    .append(g.name())
                    .append(" | ")
                    .append(g.limitRps() == null ? "—" : (g.reached() ? "" : "≥ ") + n(g.limitRps()))
                    .append(" | ")
                    .append(g.reached() ? n(g.failedAtTargetRps()) : "not reached")
                    .append(" | ")
                    .append(g.firstFailure() == null ? "" : g.firstFailure())
                    .append(" |\n");
        }
        Background bg = c.background();
        boolean queue = bg != null && bg.hasQueue();
        boolean searchable = bg != null && bg.hasSearchable();
        b.append("\n## Steps (steady window only)\n\n| Step | Phase | Target | Offered | Throughput | p50 | p95 | p99 |"
                        + " Errors | N |")
                .append(queue ? " Background queue |" : "")
                .append(searchable ? " Time to searchable p50/p95 |" : "")
                .append(" SLOs |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
                .append(queue ? "---:|" : "")
                .append(searchable ? "---:|" : "")
                .append("---|\n");
        for (StepResult s : c.steps()) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %s | %s | %s | %d | %d | %d | %.2f %% | %.1f |",
                    s.index(),
                    s.phase(),
                    n(s.targetRps()),
                    n(s.offeredRps()),
                    n(s.throughputRps()),
                    s.p50Ms(),
                    s.p95Ms(),
                    s.p99Ms(),
                    s.errorRatePct(),
                    s.concurrency()));
            if (queue) b.append(' ').append(bg.queueCell(s.index())).append(" |");
            if (searchable) b.append(' ').append(bg.searchableCell(s.index())).append(" |");
            b.append(' ').append(verdict(s)).append(" |\n");
        }
        if (queue || searchable)
            b.append("\nBackground queue: the ")
                    .append(bg.tier() == null ? "background tier" : bg.tier())
                    .append(
                            "' saturation (messages ready in the broker, records waiting for indexing) averaged over the"
                                    + " window, and (from → to) at its ends. Time to searchable: ms from the publish answer"
                                    + " until a search finds the record, of the records published in the window (✗: its"
                                    + " objectives failed).\n");
        b.append(groupsPerStep(c, "\n## p95 per SLO group (ms)\n\n", "| ", " | ", " |\n", true));
        b.append("\nRates in requests/s of the whole mix; latencies in ms (exact percentiles of the requests started in"
                        + " the window); N = throughput × mean response time (Little's law). SLO file: `")
                .append(c.sloFile())
                .append("`. Charts and definitions: index.html.\n");
        return b.toString();
    }

    /**
     * Each SLO group's p95 per step against the offered load, a failed objective marked ✗: which group degrades first,
     * time to searchable included (a span from publish to found, not a request).
     */
    private static String groupsPerStep(
            CapacityResult c, String head, String open, String between, String close, boolean markdown) {
        List<String> names = c.steps().stream()
                .flatMap(s -> s.groups().stream().map(StepResult.GroupStep::name))
                .distinct()
                .toList();
        if (names.isEmpty()) return "";
        StringBuilder b = new StringBuilder(head);
        b.append(open).append("Step").append(between).append("Offered");
        for (String n : names) b.append(between).append(markdown ? n : esc(n));
        b.append(close);
        if (markdown)
            b.append("|---:|---:").append("|---:".repeat(names.size())).append("|\n");
        for (StepResult s : c.steps()) {
            b.append(open).append(s.index()).append(between).append(n(s.offeredRps()));
            for (String name : names) {
                b.append(between)
                        .append(s.groups().stream()
                                .filter(g -> g.name().equals(name))
                                .findFirst()
                                .map(g -> g.p95Ms() + (g.passed() ? "" : " ✗"))
                                .orElse("—"));
            }
            b.append(close);
        }
        return b.toString();
    }

    private static String verdict(StepResult s) {
        if (!s.injectorOk()) return "injector lagging (" + s.injectorNote() + ")";
        return s.passed() ? "met" : String.join("; ", s.failures());
    }

    static String html(CapacityResult c) {
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Capacity of ")
                .append(esc(c.target()))
                .append(
                        "</title>\n<style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}"
                                + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}"
                                + "td:nth-child(2),th:nth-child(2),td:last-child{text-align:left}img{max-width:100%;border:1px solid #eee;"
                                + "margin:6px 0}.fail{color:#b00}.ok{color:#080}code{background:#f4f4f4}</style></head><body>\n");
        b.append("<h1>Capacity of ")
                .append(esc(c.target()))
                .append("</h1>\n<p>Journey <code>")
                .append(esc(c.journey()))
                .append("</code>, SLO file <code>")
                .append(esc(c.sloFile()))
                .append("</code>, started ")
                .append(esc(c.startedAt()))
                .append(".</p>\n<ul>\n");
        for (String f : findings(c))
            b.append("<li>")
                    .append(esc(f).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>"))
                    .append("</li>\n");
        b.append("</ul>\n<h2>Limit per SLO group</h2>\n<table><tr><th>Group</th><th>Limit (req/s of the mix)</th>"
                + "<th>Failed at (target req/s)</th><th>First failure</th></tr>\n");
        for (CapacityResult.GroupLimit g : c.groups()) {
            b.append("<tr><td style=\"text-align:left\">")
                    .append(esc(g.name()))
                    .append("</td><td>")
                    .append(g.limitRps() == null ? "—" : (g.reached() ? "" : "≥ ") + n(g.limitRps()))
                    .append("</td><td>")
                    .append(g.reached() ? n(g.failedAtTargetRps()) : "not reached")
                    .append("</td><td>")
                    .append(g.firstFailure() == null ? "" : esc(g.firstFailure()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Charts</h2>\n<p>Each point is one step, measured on its steady part (after its ramp and"
                + " settle time). Offered load = requests started per second; throughput = successful responses completed per"
                + " second.</p>\n");
        List<String> charts = new ArrayList<>(List.of("throughput", "latency", "errors", "usl", "injector"));
        if (Charts.hasSearchable(CapacityAnalysis.byOffered(c.steps()))) charts.add(Charts.SEARCHABLE_PNG);
        for (String png : charts) {
            b.append("<img src=\"")
                    .append(png)
                    .append(".png\" alt=\"")
                    .append(png)
                    .append(" chart\" width=\"")
                    .append(Charts.WIDTH)
                    .append("\">\n");
        }
        Background bg = c.background();
        boolean queue = bg != null && bg.hasQueue();
        boolean searchable = bg != null && bg.hasSearchable();
        b.append(
                "<h2>Steps</h2>\n<table><tr><th>Step</th><th>Phase</th><th>Target</th><th>Sessions/s</th><th>Offered</th>"
                        + "<th>Throughput</th><th>p50</th><th>p95</th><th>p99</th><th>max</th><th>Errors</th><th>N</th>"
                        + (queue ? "<th>Background queue</th>" : "")
                        + (searchable ? "<th>Time to searchable p50/p95</th>" : "")
                        + "<th>SLOs</th></tr>\n");
        for (StepResult s : c.steps()) {
            b.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                            + "<td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%.2f %%</td><td>%.1f</td>%s%s<td class=\"%s\">%s</td></tr>%n",
                    s.index(),
                    s.phase(),
                    n(s.targetRps()),
                    n(s.sessionsPerSec()),
                    n(s.offeredRps()),
                    n(s.throughputRps()),
                    s.p50Ms(),
                    s.p95Ms(),
                    s.p99Ms(),
                    s.maxMs(),
                    s.errorRatePct(),
                    s.concurrency(),
                    queue ? "<td>" + esc(bg.queueCell(s.index())) + "</td>" : "",
                    searchable ? "<td>" + esc(bg.searchableCell(s.index())) + "</td>" : "",
                    s.passed() && s.injectorOk() ? "ok" : "fail",
                    esc(verdict(s))));
        }
        b.append("</table>\n");
        b.append(groupsPerStep(
                c, "<h2>p95 per SLO group (ms)</h2>\n<table>\n", "<tr><td>", "</td><td>", "</td></tr>\n", false));
        b.append("</table>\n");
        b.append("<h2>How to read it</h2>\n<ul>\n"
                + "<li><b>Max sustainable</b>: the highest throughput of a step that met every objective of the SLO file, at a"
                + " rate below the lowest failing one (a pass above a failure is noise). Rates are requests/s of the whole mix.</li>\n"
                + "<li><b>Per group</b>: the same, judged on one group's objectives only; the group with the lowest failing rate"
                + " breaks first and is where to look.</li>\n"
                + "<li><b>Knee</b>: " + esc(c.knee().method()) + ". Past it latency grows faster than load.</li>\n"
                + "<li><b>USL</b>: X(N) = λN / (1 + σ(N−1) + κN(N−1)) fitted by least squares (Levenberg–Marquardt) to"
                + " (concurrency, throughput) of the steps; σ is contention, κ coherency; with κ &gt; 0 throughput peaks at"
                + " N* = √((1−σ)/κ). A queue in front of a fixed pool of workers gives a flat top (κ ≈ 0).</li>\n"
                + "<li>Steps whose injector lagged are not measurements of the target and are left out of every figure.</li>\n"
                + "</ul>\n<h2>Configuration</h2>\n<table>\n");
        c.plan()
                .forEach((k, v) -> b.append("<tr><td style=\"text-align:left\"><code>")
                        .append(esc(k))
                        .append("</code></td><td style=\"text-align:left\">")
                        .append(esc(v))
                        .append("</td></tr>\n"));
        b.append("</table>\n<p>Machine-readable: <a href=\"capacity.json\">capacity.json</a>; summary:"
                + " <a href=\"summary.md\">summary.md</a>.</p>\n</body></html>\n");
        return b.toString();
    }

    private static String n(double v) {
        return CapacitySearch.num(v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
