package rdmloadtest.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Folders;
import rdmloadtest.config.Settings;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.gatling.SimulationLog;
import rdmloadtest.results.InjectionPlan;
import rdmloadtest.results.RunReport;
import rdmloadtest.results.RunSummary;
import rdmloadtest.results.Summarizer;
import rdmloadtest.results.SummaryFiles;
import rdmloadtest.slo.Check;
import rdmloadtest.slo.SloKeys;

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

    /** What a merge produced; {@code report} is whether Gatling's HTML report was written. */
    public record Outcome(Path folder, RunSummary summary, LogMerger.Result merge, boolean report) {}

    private MergeMain() {}

    public static void main(String[] args) {
        Command.main("merge", settings -> {
            Outcome o = run(
                    Path.of(settings.get(MergeKeys.IN)),
                    Path.of(settings.get(MergeKeys.OUT)),
                    LogMerger.Align.parse(settings.get(MergeKeys.ALIGN)),
                    settings.get(MergeKeys.REPORT),
                    settings);
            print(o);
            return RunReport.status(o.summary(), settings.get(SloKeys.ENFORCE));
        });
    }

    public static Outcome run(Path in, Path out, LogMerger.Align align, boolean report, Settings settings)
            throws IOException, InterruptedException {
        Summarizer.Inputs inputs = RunReport.inputs(settings, InjectionPlan.none(), "merged run");
        Map<Integer, Path> logs =
                findLogs(in.toAbsolutePath().normalize(), out.toAbsolutePath().normalize());
        Folders.writable(MergeKeys.OUT.name(), out);
        if (Files.isDirectory(out)) {
            try (Stream<Path> old = Files.list(out)) {
                // A stale index.html or summary would be read as this merge's.
                if (old.findAny().isPresent())
                    throw new ConfigException("merge.out=" + out + " is not empty: pick a new folder");
            }
        }
        for (Path log : logs.values()) {
            try {
                SimulationLog.readHeader(log);
            } catch (IOException e) {
                throw new ConfigException(MergeKeys.IN.name() + ": " + log + " is not the log of a Gatling run ("
                        + e.getMessage() + "); expected merge.in/injector-<i>/<run>/simulation.log");
            }
        }
        Files.createDirectories(out);
        List<LogMerger.Input> merged = new ArrayList<>();
        logs.forEach((i, log) -> merged.add(new LogMerger.Input("injector-" + i, log)));
        LogMerger.Result result = LogMerger.merge(merged, out.resolve("simulation.log"), align);

        if (report) gatlingReport(out);

        RunSummary s = RunReport.summarize(out, inputs, null).summary().withInjectorChecks(injectorChecks(logs));
        SummaryFiles.write(out, s, null);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("align", result.align().name().toLowerCase(Locale.ROOT));
        manifest.put("mergedRunStartEpochMs", result.runStart());
        manifest.put("requests", result.requests());
        manifest.put("injectors", result.injectors());
        JSON.writeValue(out.resolve("merge.json").toFile(), manifest);
        return new Outcome(out, s, result, report);
    }

    /** One simulation.log per injector-<i> folder (at any depth below it, as Gatling nests its run folders). */
    static Map<Integer, Path> findLogs(Path in, Path out) throws IOException {
        if (!Files.isDirectory(in))
            throw new ConfigException("merge.in=" + in + ": no such folder; expected the injectors' results");
        Map<Integer, List<Path>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(in, 6)) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("simulation.log"))
                    .filter(f -> !f.toAbsolutePath().normalize().startsWith(out))
                    .toList()) {
                Integer index = null;
                for (Path part : in.relativize(p)) {
                    Matcher m = INJECTOR.matcher(part.toString());
                    if (m.matches()) index = Integer.valueOf(m.group(1));
                }
                if (index == null) {
                    throw new ConfigException(
                            p + ": not under an injector-<i> folder (expected merge.in/injector-<i>/...)");
                }
                found.computeIfAbsent(index, k -> new ArrayList<>()).add(p);
            }
        }
        if (found.isEmpty())
            throw new ConfigException("merge.in=" + in + ": no injector-<i>/**/simulation.log below it; expected the"
                    + " folders of an injector Job's runs");
        Map<Integer, Path> logs = new TreeMap<>();
        for (Map.Entry<Integer, List<Path>> e : found.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new ConfigException(
                        "injector-" + e.getKey() + " has " + e.getValue().size() + " runs " + e.getValue()
                                + ": keep only this run's folder (was a pod restarted?)");
            }
            logs.put(e.getKey(), e.getValue().get(0));
        }
        return logs;
    }

    /**
     * Gatling's own report over the merged log. Gatling 3.15 reads exactly one file, run-folder/simulation.log, which is
     * why the logs are merged into one rather than copied side by side.
     */
    static void gatlingReport(Path runFolder) throws IOException {
        Path folder = runFolder.toAbsolutePath().normalize();
        Path log = folder.resolve("report.log");
        try (PrintStream console = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            int rc = GatlingLauncher.run(
                    null, folder.getParent(), null, true, folder.getFileName().toString(), console);
            if (rc != GatlingLauncher.OK) {
                throw new IOException("Gatling's report over " + folder + " failed (status " + rc + "):\n" + tail(log));
            }
        }
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
        out.add(new Check(
                Check.Kind.INJECTOR,
                "injectors",
                "logs collected",
                (double) logs.size(),
                (double) expected,
                "injectors",
                missing.isEmpty() ? Check.Status.PASSED : Check.Status.FAILED,
                missing.isEmpty()
                        ? "all " + expected + " injectors' logs merged"
                        : "INJECTOR MISSING: no simulation.log of injector(s) " + missing
                                + " (failed pod?); the merged run lacks" + " their share of the load"));
        for (Map.Entry<Integer, Path> e : logs.entrySet()) {
            String label = "injector-" + e.getKey();
            Path summary = e.getValue().resolveSibling("summary.json");
            if (!Files.isRegularFile(summary)) {
                out.add(new Check(
                        Check.Kind.INJECTOR,
                        label,
                        "start lag",
                        null,
                        null,
                        "ms",
                        Check.Status.SKIPPED,
                        label + " not checked: no summary.json beside its simulation.log"));
                continue;
            }
            for (JsonNode node : JSON.readTree(summary.toFile()).path("checks")) {
                Check c = JSON.treeToValue(node, Check.class);
                if (c.kind() != Check.Kind.INJECTOR) continue;
                out.add(new Check(
                        c.kind(),
                        label + " " + c.subject(),
                        c.metric(),
                        c.measured(),
                        c.objective(),
                        c.unit(),
                        c.status(),
                        label + ": " + c.message()));
            }
        }
        return out;
    }

    private static void print(Outcome o) {
        System.out.println("Merged " + o.merge().injectors().size() + " injectors ("
                + o.merge().requests() + " requests, aligned on "
                + o.merge().align().name().toLowerCase(Locale.ROOT) + ")");
        for (LogMerger.Contribution c : o.merge().injectors()) {
            System.out.println(
                    "  " + c.label() + ": " + c.requests() + " requests (" + c.ko() + " KO), " + c.usersStarted()
                            + " users, shifted " + c.shiftMs() + " ms" + (c.truncated() ? ", LOG TRUNCATED" : ""));
        }
        System.out.println("---- rdm-loadtest gate on the merged run (after a warm-up of "
                + o.summary().warmupSeconds() + " s) ----");
        o.summary().invalidReasons().forEach(m -> System.out.println("INVALID: " + m));
        o.summary().failures().forEach(System.out::println);
        System.out.println(o.summary().verdict());
        if (o.report()) {
            System.out.println("Gatling report: "
                    + o.folder().toAbsolutePath().resolve("index.html").toUri());
        }
        System.out.println("Run summary: "
                + o.folder().toAbsolutePath().resolve("summary.md").toUri());
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log, StandardCharsets.UTF_8);
        return s.substring(Math.max(0, s.length() - 3000));
    }
}
