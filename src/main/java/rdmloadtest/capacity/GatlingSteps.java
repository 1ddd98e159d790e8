package rdmloadtest.capacity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.gatling.SimulationLog;
import rdmloadtest.live.LiveRun;
import rdmloadtest.metrics.MetricsFile;
import rdmloadtest.metrics.Prometheus;
import rdmloadtest.metrics.TierMetrics;
import rdmloadtest.results.InjectorHealth;
import rdmloadtest.results.ResultKeys;
import rdmloadtest.results.RunReport;
import rdmloadtest.slo.Slo;

/**
 * A capacity step as a Gatling run of its own, in this JVM: the load profile's ramp then a constant rate of
 * CapacitySimulation, judged by the run's own report and measured on its steady part only.
 */
final class GatlingSteps implements CapacitySearch.StepRunner {
    private final CapacityPlan plan;
    private final Slo slo;
    private final Path resultsRoot;
    private final Duration maxStartLag;
    private final double maxMissingPct;
    private final PrintStream out;
    private final Optional<MetricsFile> metrics;

    /** @param out the search's console: each step's live lines go there (Gatling's own console goes to a file) */
    GatlingSteps(
            CapacityPlan plan,
            Slo slo,
            Path resultsRoot,
            Duration maxStartLag,
            double maxMissingPct,
            Optional<MetricsFile> metrics,
            PrintStream out) {
        this.out = out;
        this.metrics = metrics;
        this.plan = plan;
        this.slo = slo;
        this.resultsRoot = resultsRoot;
        this.maxStartLag = maxStartLag;
        this.maxMissingPct = maxMissingPct;
    }

    @Override
    public StepResult run(StepMeasure.Step step) throws IOException {
        int index = step.index();
        double targetRps = step.targetRps();
        double sessions = step.sessionsPerSec();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("profile", "load");
        props.put("traffic.readers.rate", String.format(Locale.ROOT, "%.4f", sessions));
        props.put("run.rampUp", plan.ramp().toMillis() + "ms");
        props.put("run.duration", plan.stepDuration().toMillis() + "ms");
        // Bounded: an overloaded target's queue may drain for at most one more step length.
        props.put("run.maxDuration", plan.stepLoad().plus(plan.stepDuration()).toMillis() + "ms");
        props.put("slo.warmup", plan.ramp().plus(plan.settle()).toMillis() + "ms");
        props.put("slo.enforce", "false");
        // A step is not a run of its own: no history entry, no baseline.
        props.put(ResultKeys.HISTORY_RECORD.name(), "false");
        props.put(ResultKeys.BASELINE_RUNS.name(), "0");
        props.put(ResultKeys.RESULTS_FOLDER.name(), resultsRoot.toString());
        Optional<RunReport.Result> before = RunReport.last();
        Path console = Files.createDirectories(resultsRoot).resolve("capacity-step-" + index + ".console.txt");
        LiveRun.echoTo(out, "capacity: step " + index + ": ");
        int rc;
        try {
            rc = launch(props, console, "capacity step " + index + " at " + CapacitySearch.num(targetRps) + " req/s");
        } finally {
            LiveRun.echoTo(null, null);
        }
        RunReport.Result run = RunReport.last()
                .filter(r -> before.isEmpty() || r != before.get())
                .orElseThrow(() -> new IOException(
                        "capacity step " + index + ": Gatling exited " + rc + " and wrote no run; see " + console));
        SimulationLog log = SimulationLog.read(run.folder().resolve("simulation.log"));
        InjectorHealth injector = run.summary().injector();
        long origin = injector.checked() ? log.header().runStart() + injector.originOffsetMs() : log.injectStart();
        long from = origin + plan.ramp().plus(plan.settle()).toMillis();
        long to = origin + plan.stepLoad().toMillis();
        StepResult result = StepMeasure.measure(
                step,
                log,
                from,
                to,
                slo,
                injector,
                run.summary().injectorMonitor(),
                maxStartLag,
                maxMissingPct,
                CapacitySearch.READERS,
                run.folder().getFileName().toString(),
                plan.keepUpPct());
        if (metrics.isPresent()) tiers(metrics.get(), run.folder(), from, to, result.throughputRps());
        return result;
    }

    /**
     * The tiers over the step's own window and with its own throughput, replacing the run's tiers.json: the run's
     * window runs on to its last response (the sessions still under way and the queue draining after the constant
     * rate), so demands from it, multiplied by the step's throughput, exceeded the tiers' capacity.
     */
    private static void tiers(MetricsFile m, Path folder, long fromMs, long toMs, double throughputRps)
            throws IOException {
        long from = (fromMs + 999) / 1000;
        long to = toMs / 1000;
        try {
            // Prometheus scrapes every few seconds: the window's last samples must be in before it is asked.
            long wait = (to + TierMetrics.SCRAPE_LAG_SECONDS) * 1000 - System.currentTimeMillis();
            if (wait > 0) Thread.sleep(wait);
            TierMetrics.write(
                    folder.resolve(TierMetrics.FILE),
                    TierMetrics.measure(m, new Prometheus(m.prometheus()), from, to, throughputRps));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("rdm-loadtest: tier metrics of the step: " + e.getMessage() + "; the run's are kept");
        }
    }

    /** Gatling in this JVM, its console to a file (the search prints its own line per step). */
    private static int launch(Map<String, String> props, Path console, String description) throws IOException {
        Map<String, String> previous = new HashMap<>();
        props.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try (PrintStream ps = new PrintStream(Files.newOutputStream(console), true, StandardCharsets.UTF_8)) {
            return GatlingLauncher.run(
                    CapacitySearch.SIMULATION,
                    Path.of(System.getProperty(ResultKeys.RESULTS_FOLDER.name())),
                    description,
                    false,
                    null,
                    ps);
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
    }
}
