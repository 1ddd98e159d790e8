package rdmloadtest.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import rdmloadtest.history.Baseline;
import rdmloadtest.monitor.InjectorSample;
import rdmloadtest.monitor.InjectorValidity;
import rdmloadtest.slo.Check;
import rdmloadtest.slo.Format;

/** Writes summary.json, junit.xml and summary.md into a run folder. */
public final class SummaryFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryFiles() {}

    /** @param monitor the injector's samples (injector.csv and injector.png), or null when it was not watched */
    public static void write(Path folder, RunSummary s, List<InjectorSample> monitor) throws IOException {
        JSON.writeValue(folder.resolve("summary.json").toFile(), s);
        Files.writeString(folder.resolve("junit.xml"), junit(s), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("summary.md"), markdown(s, monitor != null), StandardCharsets.UTF_8);
        if (monitor != null) {
            InjectorFiles.csv(folder.resolve("injector.csv"), monitor);
            InjectorFiles.chart(
                    folder.resolve("injector.png"),
                    monitor,
                    s.injectStartEpochMs(),
                    s.injectStartEpochMs() + Math.round(s.warmupSeconds() * 1000));
        }
    }

    /** The summary as a JSON tree (what the history keeps). */
    public static JsonNode tree(RunSummary s) {
        return JSON.valueToTree(s);
    }

    /** One test case per check (SLO objective, injector health, baseline comparison); failures carry the numbers. */
    static String junit(RunSummary s) {
        List<Check> checks = s.checks();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "rdm-loadtest");
            counts(x, checks);
            for (Check.Kind kind : Check.Kind.values()) {
                List<Check> cs = checks.stream().filter(c -> c.kind() == kind).toList();
                if (cs.isEmpty()) continue;
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", suiteName(kind));
                counts(x, cs);
                for (Check c : cs) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", suiteName(kind) + "." + c.subject());
                    x.writeAttribute("name", c.title());
                    switch (c.status()) {
                        case PASSED -> {
                            x.writeStartElement("system-out");
                            x.writeCharacters(c.message());
                            x.writeEndElement();
                        }
                        case SKIPPED -> {
                            x.writeEmptyElement("skipped");
                            x.writeAttribute("message", c.message());
                        }
                        case FAILED -> {
                            x.writeStartElement("failure");
                            x.writeAttribute("message", c.message());
                            x.writeAttribute("type", kind.name().toLowerCase(Locale.ROOT));
                            x.writeCharacters(c.message());
                            x.writeEndElement();
                        }
                    }
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml", e);
        }
        return out + "\n";
    }

    private static void counts(XMLStreamWriter x, List<Check> checks) throws XMLStreamException {
        x.writeAttribute("tests", String.valueOf(checks.size()));
        x.writeAttribute(
                "failures", String.valueOf(checks.stream().filter(Check::failed).count()));
        x.writeAttribute(
                "skipped",
                String.valueOf(checks.stream()
                        .filter(c -> c.status() == Check.Status.SKIPPED)
                        .count()));
    }

    private static String suiteName(Check.Kind k) {
        return switch (k) {
            case SLO -> "slo";
            case INJECTOR -> "injector";
            case BASELINE -> "baseline";
            case ABORT -> "abort";
        };
    }

    /** For people and CI job summaries ($GITHUB_STEP_SUMMARY). */
    static String markdown(RunSummary s, boolean watched) {
        StringBuilder b = new StringBuilder();
        b.append("## ")
                .append(
                        switch (s.verdict()) {
                            case PASSED -> "✅ Load test passed";
                            case FAILED -> "❌ Load test failed";
                            case INVALID -> "⚠️ Load test INVALID (the injector was the limit)";
                        })
                .append(": `")
                .append(s.simulation())
                .append("`\n\n");
        b.append("Run `")
                .append(s.runFolder())
                .append("`, started ")
                .append(s.runStart())
                .append(", ")
                .append(s.durationSeconds())
                .append(" s; the gate judges the ")
                .append(Format.num(s.windowSeconds()))
                .append(" s after a warm-up of ")
                .append(Format.num(s.warmupSeconds()))
                .append(" s. SLO file `")
                .append(s.sloFile())
                .append("`.\n\n");
        if (!s.invalidReasons().isEmpty()) {
            b.append(
                    "### Why INVALID\n\nThe injector could not keep up, so its measurements say nothing about the target:\n\n");
            s.invalidReasons().forEach(f -> b.append("- ").append(f).append('\n'));
            b.append('\n');
        }
        if (!s.failures().isEmpty()) {
            b.append("### Failures\n\n");
            s.failures().forEach(f -> b.append("- ").append(f).append('\n'));
            b.append('\n');
        }
        b.append(
                "### SLO groups (after warm-up)\n\n| Group | Requests | Error % | req/s | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunSummary.GroupSummary g : s.groups()) {
            Stats w = g.window();
            b.append("| ")
                    .append(g.name())
                    .append(" | ")
                    .append(w.count())
                    .append(" | ")
                    .append(w.count() == 0 ? "–" : String.format(Locale.ROOT, "%.2f", w.errorRatePct()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", w.rps()))
                    .append(" | ")
                    .append(ms(w, w.p50()))
                    .append(" | ")
                    .append(ms(w, w.p95()))
                    .append(" | ")
                    .append(ms(w, w.p99()))
                    .append(" | ")
                    .append(ms(w, w.max()))
                    .append(" |\n");
        }
        b.append("\n### Checks\n\n| | Check | Verdict |\n|---|---|---|\n");
        for (Check c : s.checks()) {
            b.append("| ")
                    .append(
                            switch (c.status()) {
                                case PASSED -> "✅";
                                case FAILED -> "❌";
                                case SKIPPED -> "➖";
                            })
                    .append(" | ")
                    .append(c.kind().name().toLowerCase(Locale.ROOT))
                    .append(": ")
                    .append(c.title())
                    .append(" | ")
                    .append(c.message())
                    .append(" |\n");
        }
        if (s.injector().checked()) {
            b.append(
                    "\n### Injector\n\n| Scenario | Planned users | Started | Missing | p99 start lag | max lag |\n|---|---:|---:|---:|---:|---:|\n");
            for (InjectorHealth.Scenario sc : s.injector().scenarios()) {
                b.append("| ")
                        .append(sc.name())
                        .append(" | ")
                        .append(sc.planned())
                        .append(" | ")
                        .append(sc.started())
                        .append(" | ")
                        .append(sc.missing())
                        .append(" | ")
                        .append(sc.p99LagMs())
                        .append(" ms | ")
                        .append(sc.maxLagMs())
                        .append(" ms |\n");
            }
        }
        if (s.injectorMonitor() != null) {
            InjectorValidity.Verdict m = s.injectorMonitor();
            b.append(String.format(
                    Locale.ROOT,
                    "%nInjector over the judged window (%d s): machine CPU %.2f cores, injector %.2f,"
                            + " embedded simulator %.2f; scheduling lag p99 up to %.0f ms; GC %.0f ms; heap up to %.0f MB%s.%n",
                    m.seconds(),
                    m.meanMachineCpu(),
                    m.meanInjectorCpu(),
                    m.meanSimulatorCpu(),
                    m.maxLagP99Ms(),
                    m.gcPauseMs(),
                    m.maxHeapUsedMb(),
                    watched ? " (per second: `injector.csv`, `injector.png`)" : ""));
        }
        if (s.baseline().compared()) {
            b.append("\n### Baseline: ")
                    .append(s.baseline().source())
                    .append("\n\n| Group | Figure | Baseline | Now | Noise margin | |\n|---|---|---:|---:|---:|---|\n");
            for (Baseline.Finding f : s.baseline().findings()) {
                b.append("| ")
                        .append(f.group())
                        .append(" | ")
                        .append(f.figure())
                        .append(" | ")
                        .append(Format.num(f.baseline()))
                        .append(" | ")
                        .append(Format.num(f.current()))
                        .append(" | ")
                        .append(Double.isNaN(f.margin()) ? "–" : Format.num(f.margin()))
                        .append(" | ")
                        .append(
                                f.regressed()
                                        ? "❌ regression"
                                        : Double.isNaN(f.margin()) ? "not judged (too few responses)" : "✅")
                        .append(" |\n");
            }
        } else if (s.baseline().note() != null) {
            b.append("\n").append(s.baseline().note()).append("\n");
        }
        b.append("\nPercentiles: ").append(s.percentiles()).append(".\n");
        b.append("\n<details><summary>Requests, whole run</summary>\n\n")
                .append(
                        "| Request | Count | KO | req/s | p50 | p75 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        appendRow(b, "All requests", s.global());
        for (RunSummary.RequestSummary r : s.requests()) appendRow(b, r.path(), r.run());
        b.append("\n</details>\n");
        if (!s.requestsWithoutSlo().isEmpty()) {
            b.append("\nRequests in no SLO group (not judged): ")
                    .append(String.join(", ", s.requestsWithoutSlo()))
                    .append('\n');
        }
        return b.toString();
    }

    private static void appendRow(StringBuilder b, String name, Stats st) {
        b.append("| ")
                .append(name)
                .append(" | ")
                .append(st.count())
                .append(" | ")
                .append(st.ko())
                .append(" | ")
                .append(String.format(Locale.ROOT, "%.2f", st.rps()))
                .append(" | ")
                .append(st.p50())
                .append(" | ")
                .append(st.p75())
                .append(" | ")
                .append(st.p95())
                .append(" | ")
                .append(st.p99())
                .append(" | ")
                .append(st.max())
                .append(" |\n");
    }

    private static String ms(Stats s, int v) {
        return s.count() == 0 ? "–" : v + " ms";
    }
}
