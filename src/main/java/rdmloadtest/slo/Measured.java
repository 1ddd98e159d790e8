package rdmloadtest.slo;

/** What the gate needs to know about one SLO group in the judged window (after the warm-up). */
public record Measured(long count, double errorRatePct, double rps, int p50, int p95, int p99) {}
