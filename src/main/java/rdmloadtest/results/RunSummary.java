package rdmloadtest.results;

import java.util.List;
import java.util.Map;
import rdmloadtest.slo.Check;

/**
 * Everything summary.json holds. {@code run} figures cover the whole run and equal Gatling's report;
 * {@code window} figures leave out the warm-up and are what the gate judges. {@code runPercentilesFrom} says
 * whether the whole-run percentiles of requests were taken from Gatling's report ("gatling-report") or
 * computed from the log with Gatling's digest ("t-digest", when the run made no report).
 */
public record RunSummary(
    String schema,
    String simulation,
    String runFolder,
    String gatlingVersion,
    String runStart,
    long injectStartEpochMs,
    long injectEndEpochMs,
    long durationSeconds,
    double warmupSeconds,
    double windowSeconds,
    boolean logTruncated,
    boolean passed,
    List<String> failures,
    String runPercentilesFrom,
    Stats global,
    Stats globalWindow,
    List<GroupSummary> groups,
    List<RequestSummary> requests,
    List<String> requestsWithoutSlo,
    String sloFile,
    List<Check> checks,
    InjectorHealth injector,
    BaselineComparison baseline,
    Map<String, Map<String, String>> configuration) {

  public static final String SCHEMA = "rdm-loadtest/run-summary/1";

  /** The same summary judged by other checks: passed and failures follow them. */
  public RunSummary withChecks(List<Check> newChecks) {
    List<String> fails = newChecks.stream().filter(Check::failed).map(Check::message).toList();
    return new RunSummary(schema, simulation, runFolder, gatlingVersion, runStart, injectStartEpochMs,
        injectEndEpochMs, durationSeconds, warmupSeconds, windowSeconds, logTruncated, fails.isEmpty(), fails,
        runPercentilesFrom, global, globalWindow, groups, requests, requestsWithoutSlo, sloFile, List.copyOf(newChecks),
        injector, baseline, configuration);
  }

  public record RequestSummary(String name, String path, String sloGroup, Stats run, Stats window) {}

  public record GroupSummary(String name, List<String> requests, Stats run, Stats window) {}
}
