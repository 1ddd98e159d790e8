package rdmloadtest.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {
    private final Slo slo = Slo.read("classpath:slo/invenio-default.json");

    @Test
    void aBreachNamesGroupMeasuredValueAndObjective() {
        List<Check> checks = Gate.judge(slo, Map.of("record view", new Measured(100, 0, 10, 120, 812, 900)));
        assertTrue(
                checks.stream()
                        .anyMatch(
                                c -> c.failed() && c.message().equals("SLO FAILED: record view p95 = 812 ms > 500 ms")),
                checks::toString);
        assertTrue(checks.stream()
                .anyMatch(c -> !c.failed() && c.message().equals("SLO met: record view p50 = 120 ms ≤ 200 ms")));
    }

    @Test
    void errorRateAndThroughputAreJudged() {
        Slo s = Slo.read("classpath:slo/probe.json");
        List<Check> checks = Gate.judge(s, Map.of("search", new Measured(100, 30, 2.5, 10, 20, 30)));
        assertTrue(checks.stream().anyMatch(c -> c.message().equals("SLO FAILED: search error rate = 30.00 % > 1 %")));
    }

    @Test
    void aGroupThatDidNotRunIsSkippedNotPassed() {
        List<Check> checks = Gate.judge(slo, Map.of());
        assertTrue(checks.stream().allMatch(c -> c.status() == Check.Status.SKIPPED), checks::toString);
    }
}
