package rdmloadtest.injectors;

import rdmloadtest.cli.Command;
import rdmloadtest.slo.SloKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.results.ResultKeys;
import rdmloadtest.config.Settings;
import rdmloadtest.results.InjectionPlan;
import rdmloadtest.results.RunReport;
import rdmloadtest.results.RunSummary;
import rdmloadtest.results.SummaryFiles;
import rdmloadtest.results.Summarizer;
import rdmloadtest.slo.Check;

/**
 * {@code mvn -q exec:java@merge -Dmerge.in=DIR -Dmerge.out=DIR}: one run out of the results of many injectors.
 * DIR holds {@code injector-<i>/.../simulation.log} (as collected from the Job's volume). merge.out becomes a
 * Gatling run folder: the merged simulation.log, Gatling's HTML report of it (reports-only mode), and our
 * summary.json, junit.xml and summary.md, judged by the SLO gate (slo.file, slo.warmup, baseline as for one run),
 * and merge.json: what each injector contributed and the exact percentiles of the pooled responses.
 */
public final class MergeMain {
  private static final Pattern INJECTOR = Pattern.compile("injector-(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What a merge produced. {@code reportExitCode} is Gatling's (2: its assertions failed on the merged data). */
  public record Outcome(Path folder, RunSummary summary, LogMerger.Result merge,
                        Map<String, ExactPercentiles.Figures> exact, int reportExitCode) {}

  private MergeMain() {}

  public static void main(String[] args) {
    Command.main("merge", settings -> {
      Outcome o = run(Path.of(settings.get(MergeKeys.IN)), Path.of(settings.get(MergeKeys.OUT)),
          LogMerger.Align.parse(settings.get(MergeKeys.ALIGN)), settings.get(MergeKeys.REPORT), settings);
      print(o);
      return !o.summary().passed() && settings.get(SloKeys.ENFORCE) ? Command.GATE_FAILED : Command.OK;
    });
  }

  public static Outcome run(Path in, Path out, LogMerger.Align align, boolean report, Settings settings)
      throws IOException, InterruptedException {
    Summarizer.Inputs inputs = RunReport.inputs(settings, InjectionPlan.none());
    Map<Integer, Path> logs = findLogs(in.toAbsolutePath().normalize(), out.toAbsolutePath().normalize());
    if (Files.isDirectory(out)) {
      try (Stream<Path> old = Files.list(out)) {
        // A stale index.html or summary would be read as this merge's.
        if (old.findAny().isPresent()) throw new IOException("merge.out=" + out + " is not empty: pick a new folder");
      }
    }
    Files.createDirectories(out);
    List<LogMerger.Input> merged = new ArrayList<>();
    logs.forEach((i, log) -> merged.add(new LogMerger.Input("injector-" + i, log)));
    LogMerger.Result result = LogMerger.merge(merged, out.resolve("simulation.log"), align);

    int reportExit = report ? gatlingReport(out) : -1;

    Map<String, ExactPercentiles.Figures> exact = ExactPercentiles.of(out.resolve("simulation.log"));
    RunSummary s = RunReport.summarize(out, inputs).summary();
    List<Check> checks = new ArrayList<>(s.checks().stream().filter(c -> c.kind() != Check.Kind.INJECTOR).toList());
    checks.addAll(injectorChecks(logs));
    s = s.withChecks(checks);
    SummaryFiles.write(out, s);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("align", result.align().name().toLowerCase(java.util.Locale.ROOT));
    manifest.put("mergedRunStartEpochMs", result.runStart());
    manifest.put("requests", result.requests());
    manifest.put("injectors", result.injectors());
    manifest.put("exactPercentilesMs", exact);
    JSON.writeValue(out.resolve("merge.json").toFile(), manifest);
    return new Outcome(out, s, result, exact, reportExit);
  }

  /** One simulation.log per injector-<i> folder (at any depth below it, as Gatling nests its run folders). */
  static Map<Integer, Path> findLogs(Path in, Path out) throws IOException {
    if (!Files.isDirectory(in)) throw new IOException("merge.in=" + in + ": no such folder");
    Map<Integer, List<Path>> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(in, 6)) {
      for (Path p : files.filter(f -> f.getFileName().toString().equals("simulation.log"))
          .filter(f -> !f.toAbsolutePath().normalize().startsWith(out)).toList()) {
        Integer index = null;
        for (Path part : in.relativize(p)) {
          Matcher m = INJECTOR.matcher(part.toString());
          if (m.matches()) index = Integer.valueOf(m.group(1));
        }
        if (index == null) {
          throw new IOException(p + ": not under an injector-<i> folder (expected merge.in/injector-<i>/...)");
        }
        found.computeIfAbsent(index, k -> new ArrayList<>()).add(p);
      }
    }
    if (found.isEmpty()) throw new IOException("merge.in=" + in + ": no injector-<i>/**/simulation.log below it");
    Map<Integer, Path> logs = new TreeMap<>();
    for (Map.Entry<Integer, List<Path>> e : found.entrySet()) {
      if (e.getValue().size() > 1) {
        throw new IOException("injector-" + e.getKey() + " has " + e.getValue().size() + " runs " + e.getValue()
            + ": keep only this run's folder (was a pod restarted?)");
      }
      logs.put(e.getKey(), e.getValue().get(0));
    }
    return logs;
  }

  /**
   * Gatling's own report over the merged log, in a JVM of its own: Gatling's log reader needs the --add-opens
   * that Maven's JVM (exec:java) does not have. Gatling 3.15 reads exactly one file, run-folder/simulation.log,
   * which is why the logs are merged into one rather than copied side by side.
   */
  static int gatlingReport(Path runFolder) throws IOException, InterruptedException {
    Path folder = runFolder.toAbsolutePath().normalize();
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
        "-cp", classpath(), "io.gatling.app.Gatling", "--reports-only", folder.getFileName().toString(),
        "--results-folder", folder.getParent().toString());
    Path log = folder.resolve("report.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("Gatling's report over " + folder + " did not finish in 10 minutes; see " + log);
    }
    int rc = p.exitValue();
    if (rc != 0 && rc != 2) {
      throw new IOException("Gatling's report over " + folder + " failed (exit " + rc + "):\n" + tail(log));
    }
    return rc;
  }

  /** The test classpath: exec:java runs us in a class loader of its own, a test runner on java.class.path. */
  private static String classpath() {
    if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader u && u.getURLs().length > 0) {
      List<String> parts = new ArrayList<>();
      for (URL url : u.getURLs()) {
        try {
          parts.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException e) {
          throw new IllegalStateException(url + ": not a file on the classpath", e);
        }
      }
      return String.join(File.pathSeparator, parts);
    }
    return System.getProperty("java.class.path");
  }

  /**
   * The injectors' own start-lag checks, taken from the summary.json each wrote beside its log (the plan of one
   * injector is known only to that injector), and whether every injector from 0 to the highest one is there.
   */
  static List<Check> injectorChecks(Map<Integer, Path> logs) throws IOException {
    List<Check> out = new ArrayList<>();
    int expected = logs.keySet().stream().max(Comparator.naturalOrder()).orElse(-1) + 1;
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < expected; i++) if (!logs.containsKey(i)) missing.add(i);
    out.add(new Check(Check.Kind.INJECTOR, "injectors", "logs collected", (double) logs.size(), (double) expected,
        "injectors", missing.isEmpty() ? Check.Status.PASSED : Check.Status.FAILED,
        missing.isEmpty() ? "all " + expected + " injectors' logs merged"
            : "INJECTOR MISSING: no simulation.log of injector(s) " + missing + " (failed pod?); the merged run lacks"
                + " their share of the load"));
    for (Map.Entry<Integer, Path> e : logs.entrySet()) {
      String label = "injector-" + e.getKey();
      Path summary = e.getValue().resolveSibling("summary.json");
      if (!Files.isRegularFile(summary)) {
        out.add(new Check(Check.Kind.INJECTOR, label, "start lag", null, null, "ms", Check.Status.SKIPPED,
            label + " not checked: no summary.json beside its simulation.log"));
        continue;
      }
      for (JsonNode node : JSON.readTree(summary.toFile()).path("checks")) {
        Check c = JSON.treeToValue(node, Check.class);
        if (c.kind() != Check.Kind.INJECTOR) continue;
        out.add(new Check(c.kind(), label + " " + c.subject(), c.metric(), c.measured(), c.objective(), c.unit(),
            c.status(), label + ": " + c.message()));
      }
    }
    return out;
  }

  private static void print(Outcome o) {
    System.out.println("Merged " + o.merge().injectors().size() + " injectors (" + o.merge().requests()
        + " requests, aligned on " + o.merge().align().name().toLowerCase(java.util.Locale.ROOT) + ")");
    for (LogMerger.Contribution c : o.merge().injectors()) {
      System.out.println("  " + c.label() + ": " + c.requests() + " requests (" + c.ko() + " KO), "
          + c.usersStarted() + " users, shifted " + c.shiftMs() + " ms" + (c.truncated() ? ", LOG TRUNCATED" : ""));
    }
    System.out.println("---- rdm-loadtest gate on the merged run (after a warm-up of " + o.summary().warmupSeconds()
        + " s) ----");
    if (o.summary().passed()) System.out.println("GATE PASSED");
    o.summary().failures().forEach(System.out::println);
    if (o.reportExitCode() >= 0) {
      System.out.println("Gatling report: " + o.folder().toAbsolutePath().resolve("index.html").toUri());
    }
    System.out.println("Run summary: " + o.folder().toAbsolutePath().resolve("summary.md").toUri());
  }

  private static String tail(Path log) throws IOException {
    String s = Files.readString(log, StandardCharsets.UTF_8);
    return s.substring(Math.max(0, s.length() - 3000));
  }
}
