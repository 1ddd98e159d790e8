package rdmloadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import rdmloadtest.journeys.Chance;
import rdmloadtest.journeys.Feeds;
import rdmloadtest.run.LoadTestConfig;
import rdmloadtest.run.DraftLedger;
import rdmloadtest.run.Target;
import rdmloadtest.results.InjectionPlan;
import rdmloadtest.results.RunReport;
import rdmloadtest.slo.Slo;
import rdmloadtest.slo.SloAssertions;

/**
 * What every simulation shares: the validated configuration, safety checks (before anything is sent),
 * the target (embedded simulator or real instance), feeders, the draft ledger and the HTTP protocol.
 */
public abstract class InvenioSimulation extends Simulation {
  protected final LoadTestConfig cfg;
  protected final Feeds feeds;
  protected final Chance chance;
  protected final Target target;
  protected final DraftLedger ledger;
  protected final HttpProtocolBuilder protocol;
  protected final Profiles profiles;

  protected InvenioSimulation() {
    cfg = Startup.orExit(LoadTestConfig::load);
    boolean writes = writes(cfg);
    Startup.orExit(() -> {
      if (writes) cfg.requireWritesAllowed(getClass().getSimpleName() + " (deposit journeys)");
      return null;
    });
    feeds = Startup.orExit(() -> new Feeds(cfg, writes));
    // The SLO file and the baseline are checked now, before the target starts and any load is sent.
    Startup.orExit(() -> RunReport.inputs(cfg.settings(), InjectionPlan.none()));
    chance = new Chance(cfg.profile().equals("smoke"));
    profiles = new Profiles(cfg);
    target = Target.start(cfg);
    ledger = new DraftLedger(target.siteUrl());
    protocol = http.baseUrl(target.siteUrl())
        .userAgentHeader(cfg.userAgent())
        .acceptEncodingHeader("gzip, deflate")
        .shareConnections();
  }

  /** Whether this simulation, as configured, creates records (then writes must be allowed). */
  protected abstract boolean writes(LoadTestConfig cfg);

  /** Depositors' Authorization values, round robin over the configured tokens. */
  protected Iterator<Map<String, Object>> depositorTokens() {
    AtomicLong next = new AtomicLong();
    List<String> bearers = cfg.tokens().stream().map(t -> t.bearer()).toList();
    return java.util.stream.Stream.generate(() -> Map.<String, Object>of("authorization",
        bearers.get((int) (next.getAndIncrement() % bearers.size())))).iterator();
  }

  /**
   * Sets the run up: the run summary and SLO gate (written after Gatling finishes), and Gatling's own
   * assertions: smoke fails on any KO; other profiles turn the SLOs into assertions on the requests the
   * simulation always sends (a request that never ran would fail its assertion).
   */
  protected void run(List<PopulationBuilder> populations, List<String> alwaysSent) {
    Startup.orExit(() -> RunReport.install(cfg.settings(), profiles.plan(), getClass()));
    List<Assertion> assertions = profiles.smoke()
        ? List.of(global().failedRequests().count().is(0L))
        : SloAssertions.of(Startup.orExit(() -> Slo.load(cfg.settings())), alwaysSent);
    setUp(populations).protocols(protocol).assertions(assertions).maxDuration(cfg.maxDuration());
  }

  @Override
  public void after() {
    ledger.cleanUp();
    ledger.release();
    try {
      target.close();
    } catch (Exception e) {
      System.err.println("rdm-loadtest: stopping the simulator: " + e.getMessage());
    }
  }
}
