package rdmloadtest.results;

import rdmloadtest.slo.SloKeys;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import rdmloadtest.config.Key;
import rdmloadtest.config.Keys;
import rdmloadtest.results.ResultKeys;
import rdmloadtest.config.Settings;
import rdmloadtest.slo.Slo;

/**
 * Writes summary.json, junit.xml and summary.md into the run's results folder after every run, and enforces the
 * gate. A simulation calls {@link #install} in its constructor: the SLO file and the baseline are read and
 * checked there (before any load). The files are written when Gatling has finished (log closed, report and
 * assertions done): Gatling stops Logback as its very last step, in both {@code Gatling.main} (the Maven
 * plugin's forked JVM) and {@code Gatling.fromArgs} (an in-process launch), and a Logback listener reacts to that.
 * When the gate fails and Gatling runs as its own JVM ({@code Gatling.main}), the JVM exits with status 2, the
 * status of failed Gatling assertions, so the plugin fails the build; in-process launchers read {@link #last()}.
 */
public final class RunReport {
  /** Gatling's own exit status for failed assertions; the Maven plugin reports it as such. */
  public static final int GATE_FAILED_STATUS = 2;

  private static volatile Result last;

  /** What one run produced. */
  public record Result(Path folder, RunSummary summary) {
    public boolean passed() {
      return summary.passed();
    }
  }

  private final Class<?> simulation;
  private final long installedAt;
  private final Path resultsRoot;
  private final Summarizer.Inputs inputs;
  private final boolean ownsJvm;
  private final boolean enforce;
  private boolean done;

  private RunReport(Class<?> simulation, Path resultsRoot, Summarizer.Inputs inputs, boolean ownsJvm, boolean enforce) {
    this.simulation = simulation;
    this.installedAt = System.currentTimeMillis();
    this.resultsRoot = resultsRoot;
    this.inputs = inputs;
    this.ownsJvm = ownsJvm;
    this.enforce = enforce;
  }

  public static RunReport install(Settings settings) {
    return install(settings, InjectionPlan.none());
  }

  /** @param plan the open-model injection steps of each scenario, to check the injector kept the planned rate */
  public static RunReport install(Settings settings, InjectionPlan plan) {
    Class<?> simulation = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(s -> s.map(StackWalker.StackFrame::getDeclaringClass)
            .filter(io.gatling.javaapi.core.Simulation.class::isAssignableFrom).findFirst())
        .orElseThrow(() -> new IllegalStateException("RunReport.install must be called from a Simulation's constructor"));
    return install(settings, plan, simulation);
  }

  /** For a base class that installs on behalf of the concrete simulation (the results folder is named after it). */
  public static RunReport install(Settings settings, InjectionPlan plan, Class<?> simulation) {
    RunReport r = new RunReport(simulation, Path.of(settings.get(ResultKeys.RESULTS_FOLDER)).toAbsolutePath(),
        inputs(settings, plan), calledFromGatlingMain(), settings.get(SloKeys.ENFORCE));
    r.hook();
    return r;
  }

  /** The SLO file, the baseline and the tolerances, read and validated now: a mistake stops the run before load. */
  public static Summarizer.Inputs inputs(Settings settings, InjectionPlan plan) {
    Slo slo = Slo.load(settings);
    Optional<String> baselineRef = settings.find(ResultKeys.BASELINE);
    Optional<JsonNode> baseline = baselineRef.map(BaselineComparison::load);
    return new Summarizer.Inputs(slo, settings.get(SloKeys.WARMUP), plan, settings.get(ResultKeys.INJECTOR_MAX_LAG),
        settings.get(ResultKeys.INJECTOR_MAX_MISSING), baselineRef, baseline,
        new BaselineComparison.Tolerances(settings.get(ResultKeys.BASELINE_P95_TOLERANCE),
            settings.get(ResultKeys.BASELINE_P95_MIN_DELTA), settings.get(ResultKeys.BASELINE_ERROR_TOLERANCE)),
        configuration(settings));
  }

  /** The last run's result in this JVM (for in-process launches, such as tests). */
  public static Optional<Result> last() {
    return Optional.ofNullable(last);
  }

  /** Summarizes an existing run folder (tools, tests, re-judging an old run with another SLO file). */
  public static Result summarize(Path runFolder, Summarizer.Inputs inputs) throws IOException {
    SimulationLog log = SimulationLog.read(runFolder.resolve("simulation.log"));
    RunSummary s = Summarizer.summarize(log, runFolder.getFileName().toString(), inputs, GatlingReport.read(runFolder));
    SummaryFiles.write(runFolder, s);
    return new Result(runFolder, s);
  }

  private void hook() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      if (!ctx.isStarted()) restart(ctx);
      ctx.addListener(new AfterGatling());
    } else {
      Runtime.getRuntime().addShutdownHook(new Thread(this::finish, "run-report"));
    }
  }

  /** An earlier in-process run stopped Logback; configure and start it again so its stop marks this run's end. */
  private static void restart(LoggerContext ctx) {
    try {
      ctx.reset();
      new ContextInitializer(ctx).autoConfig();
      ctx.start();
    } catch (Exception e) {
      System.err.println("run report: cannot restart Logback (" + e + "); the summary may not be written");
    }
  }

  private final class AfterGatling implements LoggerContextListener {
    @Override
    public boolean isResetResistant() {
      return true;
    }

    @Override
    public void onStart(LoggerContext context) {}

    @Override
    public void onReset(LoggerContext context) {}

    @Override
    public void onStop(LoggerContext context) {
      finish();
    }

    @Override
    public void onLevelChange(ch.qos.logback.classic.Logger logger, Level level) {}
  }

  private synchronized void finish() {
    if (done) return;
    done = true;
    Result result;
    try {
      Optional<Path> folder = findRunFolder();
      if (folder.isEmpty()) {
        System.err.println("run report: no results folder of " + simulation.getName() + " under " + resultsRoot
            + " (set slo.resultsFolder to the plugin's resultsFolder); no summary written");
        if (ownsJvm && enforce) System.exit(GATE_FAILED_STATUS);
        return;
      }
      result = summarize(folder.get(), inputs);
    } catch (IOException | RuntimeException e) {
      System.err.println("run report: cannot write the run summary: " + e);
      if (ownsJvm && enforce) System.exit(GATE_FAILED_STATUS);
      return;
    }
    last = result;
    print(result);
    if (!result.passed() && ownsJvm && enforce) System.exit(GATE_FAILED_STATUS);
  }

  private static void print(Result r) {
    System.out.println();
    System.out.println("---- rdm-loadtest gate (after a warm-up of " + r.summary().warmupSeconds() + " s) ----");
    if (r.passed()) System.out.println("GATE PASSED: every SLO met, injector kept up"
        + (r.summary().baseline() != null ? ", no regression against the baseline" : ""));
    r.summary().failures().forEach(System.out::println);
    System.out.println("Run summary: " + r.folder().resolve("summary.md").toUri());
  }

  /** This run's folder: the newest one holding a simulation.log of this simulation that started after install. */
  private Optional<Path> findRunFolder() throws IOException {
    if (!Files.isDirectory(resultsRoot)) return Optional.empty();
    String prefix = simulation.getSimpleName().toLowerCase(Locale.ROOT) + "-";
    try (Stream<Path> dirs = Files.list(resultsRoot)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
          .filter(d -> Files.isRegularFile(d.resolve("simulation.log")))
          .map(d -> {
            try {
              SimulationLog.Header h = SimulationLog.readHeader(d.resolve("simulation.log"));
              return h.simulationClass().equals(simulation.getName()) && h.runStart() >= installedAt
                  ? Optional.of(Map.entry(d, h.runStart())) : Optional.<Map.Entry<Path, Long>>empty();
            } catch (IOException e) {
              return Optional.<Map.Entry<Path, Long>>empty();
            }
          })
          .flatMap(Optional::stream)
          .min(Comparator.comparingLong(Map.Entry::getValue))
          .map(Map.Entry::getKey);
    }
  }

  private static boolean calledFromGatlingMain() {
    return StackWalker.getInstance().walk(s -> s.anyMatch(f ->
        f.getClassName().startsWith("io.gatling.app.Gatling") && f.getMethodName().equals("main")));
  }

  /** Every key's value and where it came from; anything that names a token is left out. */
  static Map<String, Map<String, String>> configuration(Settings settings) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Key<?> k : Keys.all()) {
      Optional<rdmloadtest.config.ConfigSource.Value> v = settings.source().get(k.name());
      String text = v.map(rdmloadtest.config.ConfigSource.Value::text).orElse(k.defaultValue());
      if (text == null) continue;
      boolean secret = k.name().toLowerCase(Locale.ROOT).contains("token") && !k.name().contains("Tolerance");
      out.put(k.name(), Map.of("value", secret ? "[redacted]" : text,
          "origin", v.map(rdmloadtest.config.ConfigSource.Value::origin).orElse("default")));
    }
    return out;
  }
}
