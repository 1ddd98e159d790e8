package rdmloadtest.slo;

import java.util.OptionalDouble;

/**
 * What one SLO group promises. Latencies in milliseconds (Gatling's response time: request sent to last
 * byte received, failed requests included), error rate in percent, throughput in requests per second.
 * Each is optional, but a group has at least one.
 */
public record Objectives(
        OptionalDouble p50Ms,
        OptionalDouble p95Ms,
        OptionalDouble p99Ms,
        OptionalDouble maxErrorRatePct,
        OptionalDouble minThroughputRps) {

    public boolean isEmpty() {
        return p50Ms.isEmpty()
                && p95Ms.isEmpty()
                && p99Ms.isEmpty()
                && maxErrorRatePct.isEmpty()
                && minThroughputRps.isEmpty();
    }
}
