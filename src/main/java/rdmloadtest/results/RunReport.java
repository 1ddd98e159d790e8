package rdmloadtest.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigKeys;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Key;
import rdmloadtest.config.Keys;
import rdmloadtest.config.Settings;
import rdmloadtest.gatling.RunEnd;
import rdmloadtest.gatling.SimulationLog;
import rdmloadtest.history.Fingerprint;
import rdmloadtest.history.RunHistory;
import rdmloadtest.invenio.Dataset;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.live.LiveRun;
import rdmloadtest.metrics.MetricsFile;
import rdmloadtest.metrics.Prometheus;
import rdmloadtest.metrics.TierMetrics;
import rdmloadtest.monitor.InjectorMonitor;
import rdmloadtest.monitor.InjectorSample;
import rdmloadtest.monitor.MonitorKeys;
import rdmloadtest.slo.Check;
import rdmloadtest.slo.Slo;
import rdmloadtest.slo.SloKeys;

/**
 * A run's one judge. A simulation calls {@link #install} in its constructor: the SLO file, the baseline and every
 * threshold are read and checked there (before any load), and the injector starts watching itself. When Gatling has
 * finished, the run's summary.json, junit.xml and summary.md are written into its results folder, the run joins the
 * history, the verdict is printed, and, in Gatling's own JVM, it becomes the exit status (see {@link Command}).
 */
public final class RunReport {
    private static volatile Result last;

    /** What one run produced. */
    public record Result(Path folder, RunSummary summary) {
        public boolean passed() {
            return summary.verdict() == RunSummary.Verdict.PASSED;
        }
    }

    private final Class<?> simulation;
    private final long installedAt;
    private final Path resultsRoot;
    private final Summarizer.Inputs inputs;
    private final boolean ownsJvm;
    private final boolean enforce;
    private final Optional<Path> history;
    private final InjectorMonitor monitor;
    private final Supplier<Optional<LiveRun.Abort>> aborted;
    private final Optional<MetricsFile> metrics;
    private final Optional<Dataset> dataset;
    private boolean done;

    private RunReport(
            Class<?> simulation,
            Settings settings,
            Summarizer.Inputs inputs,
            Supplier<Optional<LiveRun.Abort>> aborted,
            Optional<Dataset> dataset) {
        this.aborted = aborted;
        this.dataset = dataset;
        this.metrics = MetricsFile.load(settings);
        this.simulation = simulation;
        this.installedAt = System.currentTimeMillis();
        this.resultsRoot = Path.of(settings.get(ResultKeys.RESULTS_FOLDER)).toAbsolutePath();
        this.inputs = inputs;
        this.ownsJvm = RunEnd.gatlingOwnsJvm();
        this.enforce = settings.get(SloKeys.ENFORCE);
        this.history = settings.get(ResultKeys.HISTORY_RECORD)
                ? Optional.of(Path.of(settings.get(ResultKeys.HISTORY_DIR)))
                : Optional.empty();
        this.monitor = InjectorMonitor.start();
    }

    /**
     * @param plan the open-model injection steps of each scenario, to check the injector kept the planned rate
     * @param simulation the concrete simulation (its results folder is named after it)
     * @param alwaysSent request names the simulation sends in every run: one missing after the warm-up fails the gate
     */
    public static RunReport install(
            Settings settings, InjectionPlan plan, Class<?> simulation, List<String> alwaysSent) {
        return install(settings, plan, simulation, alwaysSent, Optional::empty);
    }

    /** @param aborted asked after the run: why a stop condition ended it early, if one did */
    public static RunReport install(
            Settings settings,
            InjectionPlan plan,
            Class<?> simulation,
            List<String> alwaysSent,
            Supplier<Optional<LiveRun.Abort>> aborted) {
        return install(settings, plan, simulation, alwaysSent, aborted, Optional.empty());
    }

    /** @param dataset what the target held at the start: dataset.json and a section of summary.md */
    public static RunReport install(
            Settings settings,
            InjectionPlan plan,
            Class<?> simulation,
            List<String> alwaysSent,
            Supplier<Optional<LiveRun.Abort>> aborted,
            Optional<Dataset> dataset) {
        RunReport r = new RunReport(
                simulation,
                settings,
                inputs(settings, plan, simulation.getName()).expecting(alwaysSent),
                aborted,
                dataset);
        RunEnd.onEnd(r::finish);
        return r;
    }

    /** The SLO file, the baseline and the thresholds, read and validated now: a mistake stops the run before load. */
    public static Summarizer.Inputs inputs(Settings settings, InjectionPlan plan, String simulation) {
        Slo slo = Slo.load(settings);
        Fingerprint fp = fingerprint(settings, simulation);
        return new Summarizer.Inputs(
                slo,
                settings.get(SloKeys.WARMUP),
                plan,
                settings.get(ResultKeys.INJECTOR_MAX_LAG),
                settings.get(ResultKeys.INJECTOR_MAX_MISSING),
                settings.get(SloKeys.JUDGE_LATENCY),
                settings.get(SloKeys.FAIL_ON_ANY_ERROR),
                MonitorKeys.limits(settings),
                Baselines.resolve(settings, fp),
                fp,
                configuration(settings),
                List.of());
    }

    /** The last run's result in this JVM (for in-process launches, such as tests and the capacity search). */
    public static Optional<Result> last() {
        return Optional.ofNullable(last);
    }

    /** Summarizes an existing run folder (tools, tests, re-judging an old run with another SLO file). */
    public static Result summarize(Path runFolder, Summarizer.Inputs inputs, List<InjectorSample> monitor)
            throws IOException {
        return summarize(runFolder, inputs, monitor, Optional.empty());
    }

    private static Result summarize(
            Path runFolder, Summarizer.Inputs inputs, List<InjectorSample> monitor, Optional<LiveRun.Abort> aborted)
            throws IOException {
        SimulationLog log = SimulationLog.read(runFolder.resolve("simulation.log"));
        RunSummary s = Summarizer.summarize(log, runFolder.getFileName().toString(), inputs, monitor, aborted);
        SummaryFiles.write(runFolder, s, monitor);
        return new Result(runFolder, s);
    }

    private synchronized void finish() {
        if (done) return;
        done = true;
        List<InjectorSample> samples = monitor.stop();
        Result result;
        try {
            Optional<Path> folder = findRunFolder();
            if (folder.isEmpty()) {
                System.err.println("rdm-loadtest: no results folder of " + simulation.getName() + " under "
                        + resultsRoot + " (set slo.resultsFolder to the plugin's resultsFolder); no summary written");
                if (ownsJvm && enforce) RunEnd.exitGatlingJvm(Command.FAILED);
                return;
            }
            result = summarize(folder.get(), inputs, samples, aborted.get());
            metrics.ifPresent(m -> tiers(m, result));
            if (dataset.isPresent()) dataset(dataset.get(), result.folder());
            history.ifPresent(dir -> record(dir, result));
        } catch (IOException | RuntimeException e) {
            System.err.println("rdm-loadtest: cannot write the run summary: " + e);
            if (ownsJvm && enforce) RunEnd.exitGatlingJvm(Command.FAILED);
            return;
        }
        last = result;
        print(result);
        int status = status(result.summary(), enforce);
        if (ownsJvm && status != Command.OK) RunEnd.exitGatlingJvm(status);
    }

    /** The target's tiers over the judged window, from Prometheus: tiers.json in the run folder, a table on the console. */
    private static void tiers(MetricsFile m, Result r) {
        RunSummary s = r.summary();
        long from = (s.injectStartEpochMs() + (long) (s.warmupSeconds() * 1000)) / 1000;
        // The same window as the throughput (to the last response): waited for, not cut short of Prometheus's last
        // scrape, or the utilization misses the window's end and the demand U / X is wrong.
        long to = s.injectEndEpochMs() / 1000;
        try {
            long wait = (to + TierMetrics.SCRAPE_LAG_SECONDS) * 1000 - System.currentTimeMillis();
            if (wait > 0) Thread.sleep(wait);
            TierMetrics.Report t = TierMetrics.measure(
                    m,
                    new Prometheus(m.prometheus()),
                    from,
                    to,
                    s.globalWindow().rps());
            TierMetrics.write(r.folder().resolve(TierMetrics.FILE), t);
            System.out.print(TierMetrics.table(t));
        } catch (IOException e) {
            System.err.println("rdm-loadtest: tier metrics: " + e.getMessage() + "; no tiers.json");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** dataset.json beside the summary, and its section at the end of summary.md. */
    private static void dataset(Dataset d, Path folder) throws IOException {
        d.write(folder.resolve(Dataset.FILE));
        Files.writeString(folder.resolve("summary.md"), d.markdown(), StandardOpenOption.APPEND);
    }

    /** The exit status a verdict gives (report-only runs always 0). */
    public static int status(RunSummary s, boolean enforce) {
        if (!enforce) return Command.OK;
        return switch (s.verdict()) {
            case PASSED -> Command.OK;
            case FAILED -> Command.GATE_FAILED;
            case INVALID -> Command.INVALID;
        };
    }

    private static void record(Path dir, Result r) {
        try {
            new RunHistory(dir)
                    .record(
                            "run",
                            Instant.parse(r.summary().runStart()),
                            r.summary().fingerprint(),
                            r.summary().passed(),
                            r.summary().valid(),
                            r.folder().toString(),
                            SummaryFiles.tree(r.summary()));
        } catch (UncheckedIOException e) {
            System.err.println("rdm-loadtest: " + e.getMessage() + ": the run is not in the history");
        }
    }

    private static void print(Result r) {
        RunSummary s = r.summary();
        System.out.println();
        System.out.println("---- rdm-loadtest verdict (after a warm-up of " + s.warmupSeconds() + " s) ----");
        s.invalidReasons().forEach(m -> System.out.println("INVALID: " + m));
        s.failures().forEach(System.out::println);
        s.checks().stream()
                .filter(c -> c.kind() == Check.Kind.BASELINE && c.status() == Check.Status.SKIPPED)
                .forEach(c -> System.out.println(c.message()));
        System.out.println(
                switch (s.verdict()) {
                    case PASSED ->
                        "PASSED: every SLO met, injector kept up"
                                + (s.baseline().compared()
                                        ? ", no regression against "
                                                + s.baseline().source()
                                        : "");
                    case FAILED ->
                        "FAILED: " + s.failures().size() + " check(s) failed"
                                + (s.checks().stream().anyMatch(c -> c.kind() == Check.Kind.ABORT)
                                        ? " (the run was stopped early by a stop condition)"
                                        : "");
                    case INVALID ->
                        "INVALID: the injector, not the target, was the limit; no verdict on the target (add injectors"
                                + " or cores, or see docs/slo-and-gate.md)";
                });
        System.out.println("Run summary: " + r.folder().resolve("summary.md").toUri());
    }

    /** This run's folder: the newest one holding a simulation.log of this simulation that started after install. */
    private Optional<Path> findRunFolder() throws IOException {
        if (!Files.isDirectory(resultsRoot)) return Optional.empty();
        String prefix = simulation.getSimpleName().toLowerCase(Locale.ROOT) + "-";
        try (Stream<Path> dirs = Files.list(resultsRoot)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
                    .filter(d -> Files.isRegularFile(d.resolve("simulation.log")))
                    .map(d -> startOf(d).filter(start -> start >= installedAt).map(start -> Map.entry(d, start)))
                    .flatMap(Optional::stream)
                    .min(Comparator.comparingLong(Map.Entry::getValue))
                    .map(Map.Entry::getKey);
        }
    }

    private Optional<Long> startOf(Path runFolder) {
        try {
            SimulationLog.Header h = SimulationLog.readHeader(runFolder.resolve("simulation.log"));
            return h.simulationClass().equals(simulation.getName()) ? Optional.of(h.runStart()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What makes runs comparable: the simulation, the profile, the target and every key that shapes the load. */
    public static Fingerprint fingerprint(Settings settings, String simulation) {
        boolean embedded = settings.find(InvenioKeys.BASE_URL).isEmpty();
        String target = embedded
                ? "embedded simulator"
                : settings.get(InvenioKeys.BASE_URL).toString();
        Map<String, String> load = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> e : configuration(settings).entrySet()) {
            String k = e.getKey();
            boolean shapesLoad = k.startsWith("traffic.")
                    || k.startsWith("capacity.")
                    || k.equals("injector.count")
                    || (k.startsWith("run.") && !k.equals("run.id") && !k.equals("run.maxDuration"))
                    || (embedded && k.startsWith("simulator.") && !k.equals("simulator.port"));
            if (shapesLoad) load.put(k, e.getValue().get("value"));
        }
        return Fingerprint.of(simulation, settings.get(ConfigKeys.PROFILE), target, load, Toolkit.version());
    }

    /** Every key's value and where it came from; anything that names a token or a password is left out. */
    static Map<String, Map<String, String>> configuration(Settings settings) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Key<?> k : Keys.all()) {
            Optional<ConfigSource.Value> v = settings.source().get(k.name());
            String text = v.map(ConfigSource.Value::text).orElse(k.defaultValue());
            if (text == null) continue;
            boolean secret = (k.name().toLowerCase(Locale.ROOT).contains("token")
                            && !k.name().contains("Tolerance"))
                    || k.name().equals("simulator.webUsers");
            out.put(
                    k.name(),
                    Map.of(
                            "value",
                            secret ? "[redacted]" : text,
                            "origin",
                            v.map(ConfigSource.Value::origin).orElse("default")));
        }
        return out;
    }
}
