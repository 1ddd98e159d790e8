package rdmloadtest.live;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.results.RunSummary;
import rdmloadtest.simulations.RecordViewSimulation;
import rdmloadtest.slo.Check;
import rdmloadtest.testing.GatlingRun;

/** A run whose target is too slow for its stop condition ends early, and its verdict says which condition and when. */
class AbortRunTest {
    @TempDir
    static Path results;

    @Test
    void aSlowTargetStopsTheRunEarlyWithTheConditionInTheVerdict() throws Exception {
        GatlingRun.Result r = GatlingRun.run(
                RecordViewSimulation.class,
                Map.of(
                        "profile", "load",
                        "run.rampUp", "1s",
                        "run.duration", "120s",
                        "traffic.readers.rate", "4",
                        "simulator.serviceTime.distribution", "fixed",
                        "simulator.serviceTime.record", "300ms",
                        "abort.p95", "record view:100ms",
                        "abort.p95For", "3s",
                        "slo.warmup", "0s",
                        // The simulator shares the machine; on a busy one the verdict could be INVALID instead.
                        "injector.maxMachineCpuPct", "100"),
                results);
        RunSummary s = r.run().orElseThrow().summary();
        assertEquals(RunSummary.Verdict.FAILED, s.verdict(), s.failures().toString());
        List<Check> aborts =
                s.checks().stream().filter(c -> c.kind() == Check.Kind.ABORT).toList();
        assertEquals(1, aborts.size(), s.checks().toString());
        String why = aborts.get(0).message();
        assertTrue(why.matches("ABORTED at t\\+\\d+ s \\(20\\d\\d-.*Z\\): abort\\.p95 record view:100 ms: .*"), why);
        assertTrue(s.failures().contains(why), s.failures().toString());
        // Planned 121 s; stopped within seconds of the condition (3 s over the limit, 10 s smoothing at most).
        assertTrue(s.durationSeconds() < 60, "ran " + s.durationSeconds() + " s");
    }
}
