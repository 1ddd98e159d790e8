package rdmloadtest.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import rdmloadtest.slo.Check;
import rdmloadtest.slo.Format;

/** Writes summary.json, junit.xml and summary.md into a run folder. */
public final class SummaryFiles {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryFiles() {}

  public static void write(Path folder, RunSummary s) throws IOException {
    JSON.writeValue(folder.resolve("summary.json").toFile(), s);
    Files.writeString(folder.resolve("junit.xml"), junit(s), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("summary.md"), markdown(s), StandardCharsets.UTF_8);
  }

  /** One test case per check (SLO objective, injector health, baseline comparison); failures carry the numbers. */
  static String junit(RunSummary s) {
    List<Check> checks = s.checks();
    long failures = checks.stream().filter(Check::failed).count();
    long skipped = checks.stream().filter(c -> c.status() == Check.Status.SKIPPED).count();
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuites name=\"rdm-loadtest\" tests=\"").append(checks.size()).append("\" failures=\"")
        .append(failures).append("\" skipped=\"").append(skipped).append("\">\n");
    for (Check.Kind kind : Check.Kind.values()) {
      List<Check> cs = checks.stream().filter(c -> c.kind() == kind).toList();
      if (cs.isEmpty()) continue;
      b.append("  <testsuite name=\"").append(esc(suiteName(kind))).append("\" tests=\"").append(cs.size())
          .append("\" failures=\"").append(cs.stream().filter(Check::failed).count()).append("\" skipped=\"")
          .append(cs.stream().filter(c -> c.status() == Check.Status.SKIPPED).count()).append("\">\n");
      for (Check c : cs) {
        b.append("    <testcase classname=\"").append(esc(suiteName(kind) + "." + c.subject())).append("\" name=\"")
            .append(esc(c.title())).append("\"");
        switch (c.status()) {
          case PASSED -> b.append(">\n      <system-out>").append(esc(c.message())).append("</system-out>\n    </testcase>\n");
          case SKIPPED -> b.append(">\n      <skipped message=\"").append(esc(c.message())).append("\"/>\n    </testcase>\n");
          case FAILED -> b.append(">\n      <failure message=\"").append(esc(c.message())).append("\" type=\"")
              .append(kind.name().toLowerCase(Locale.ROOT)).append("\">").append(esc(c.message()))
              .append("</failure>\n    </testcase>\n");
        }
      }
      b.append("  </testsuite>\n");
    }
    return b.append("</testsuites>\n").toString();
  }

  private static String suiteName(Check.Kind k) {
    return switch (k) {
      case SLO -> "slo";
      case INJECTOR -> "injector";
      case BASELINE -> "baseline";
    };
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** For people and CI job summaries ($GITHUB_STEP_SUMMARY). */
  static String markdown(RunSummary s) {
    StringBuilder b = new StringBuilder();
    b.append("## ").append(s.passed() ? "✅ Load test passed" : "❌ Load test failed").append(": `")
        .append(s.simulation()).append("`\n\n");
    b.append("Run `").append(s.runFolder()).append("`, started ").append(s.runStart()).append(", ")
        .append(s.durationSeconds()).append(" s; the gate judges the ").append(Format.num(s.windowSeconds()))
        .append(" s after a warm-up of ").append(Format.num(s.warmupSeconds())).append(" s. SLO file `")
        .append(s.sloFile()).append("`.\n\n");
    if (!s.failures().isEmpty()) {
      b.append("### Failures\n\n");
      s.failures().forEach(f -> b.append("- ").append(f).append('\n'));
      b.append('\n');
    }
    b.append("### SLO groups (after warm-up)\n\n| Group | Requests | Error % | req/s | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RunSummary.GroupSummary g : s.groups()) {
      Stats w = g.window();
      b.append("| ").append(g.name()).append(" | ").append(w.count()).append(" | ")
          .append(w.count() == 0 ? "–" : String.format(Locale.ROOT, "%.2f", w.errorRatePct())).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", w.rps())).append(" | ").append(ms(w, w.p50())).append(" | ")
          .append(ms(w, w.p95())).append(" | ").append(ms(w, w.p99())).append(" | ").append(ms(w, w.max()))
          .append(" |\n");
    }
    b.append("\n### Checks\n\n| | Check | Verdict |\n|---|---|---|\n");
    for (Check c : s.checks()) {
      b.append("| ").append(switch (c.status()) {
        case PASSED -> "✅";
        case FAILED -> "❌";
        case SKIPPED -> "➖";
      }).append(" | ").append(c.kind().name().toLowerCase(Locale.ROOT)).append(": ").append(c.title()).append(" | ")
          .append(c.message()).append(" |\n");
    }
    if (s.injector().checked()) {
      b.append("\n### Injector\n\n| Scenario | Planned users | Started | Missing | p99 start lag | max lag |\n|---|---:|---:|---:|---:|---:|\n");
      for (InjectorHealth.Scenario sc : s.injector().scenarios()) {
        b.append("| ").append(sc.name()).append(" | ").append(sc.planned()).append(" | ").append(sc.started())
            .append(" | ").append(sc.missing()).append(" | ").append(sc.p99LagMs()).append(" ms | ")
            .append(sc.maxLagMs()).append(" ms |\n");
      }
    }
    if (s.baseline() != null) {
      b.append("\n### Baseline `").append(s.baseline().baselineRunFolder()).append("`\n\n| Group | p95 then | p95 now | change | errors then | errors now | |\n|---|---:|---:|---:|---:|---:|---|\n");
      for (BaselineComparison.Group g : s.baseline().groups()) {
        b.append("| ").append(g.name()).append(" | ").append(g.baselineP95() == null ? "–" : g.baselineP95() + " ms")
            .append(" | ").append(g.p95() == null ? "–" : g.p95() + " ms").append(" | ")
            .append(g.p95ChangePct() == null ? "–" : String.format(Locale.ROOT, "%+.1f %%", g.p95ChangePct()))
            .append(" | ").append(g.baselineErrorRatePct() == null ? "–" : Format.pct(g.baselineErrorRatePct()))
            .append(" | ").append(g.errorRatePct() == null ? "–" : Format.pct(g.errorRatePct())).append(" | ")
            .append(g.regressed() ? "❌ regression" : "✅").append(" |\n");
      }
    }
    b.append("\n<details><summary>Requests, whole run (equal to Gatling's report)</summary>\n\n")
        .append("| Request | Count | KO | req/s | p50 | p75 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    appendRow(b, "All requests", s.global());
    for (RunSummary.RequestSummary r : s.requests()) appendRow(b, r.path(), r.run());
    b.append("\n</details>\n");
    if (!s.requestsWithoutSlo().isEmpty()) {
      b.append("\nRequests in no SLO group (not judged): ").append(String.join(", ", s.requestsWithoutSlo())).append('\n');
    }
    return b.toString();
  }

  private static void appendRow(StringBuilder b, String name, Stats st) {
    b.append("| ").append(name).append(" | ").append(st.count()).append(" | ").append(st.ko()).append(" | ")
        .append(String.format(Locale.ROOT, "%.2f", st.rps())).append(" | ").append(st.p50()).append(" | ")
        .append(st.p75()).append(" | ").append(st.p95()).append(" | ").append(st.p99()).append(" | ")
        .append(st.max()).append(" |\n");
  }

  private static String ms(Stats s, int v) {
    return s.count() == 0 ? "–" : v + " ms";
  }
}
