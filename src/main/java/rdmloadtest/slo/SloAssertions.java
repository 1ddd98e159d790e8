package rdmloadtest.slo;

import static io.gatling.javaapi.core.CoreDsl.details;

import io.gatling.javaapi.core.Assertion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The SLO file as Gatling assertions for {@code setUp(...).assertions(...)}, so a breach fails the build the
 * usual way. Gatling judges each request on the whole run (warm-up included) and cannot pool several requests
 * into one group; the run summary's gate ({@link Gate}) does both.
 */
public final class SloAssertions {
  private SloAssertions() {}

  /** Assertions for every request the SLO file names (for simulations that run the full mix). */
  public static List<Assertion> of(Slo slo) {
    return of(slo, RequestNames.ALL);
  }

  /**
   * Assertions for the requests this simulation actually sends: Gatling fails an assertion on a request
   * that never ran ("could not find stats matching assertion path").
   */
  public static List<Assertion> of(Slo slo, Collection<String> requestsRun) {
    List<Assertion> out = new ArrayList<>();
    for (SloGroup g : slo.groups()) {
      Objectives o = g.objectives();
      for (String r : g.requests()) {
        if (!requestsRun.contains(r)) continue;
        o.p50Ms().ifPresent(ms -> out.add(details(r).responseTime().percentile(50.0).lte((int) Math.floor(ms))));
        o.p95Ms().ifPresent(ms -> out.add(details(r).responseTime().percentile(95.0).lte((int) Math.floor(ms))));
        o.p99Ms().ifPresent(ms -> out.add(details(r).responseTime().percentile(99.0).lte((int) Math.floor(ms))));
        o.maxErrorRatePct().ifPresent(pct -> out.add(details(r).failedRequests().percent().lte(pct)));
      }
    }
    return out;
  }
}
