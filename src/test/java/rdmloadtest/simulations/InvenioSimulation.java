package rdmloadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import rdmloadtest.chains.Chance;
import rdmloadtest.chains.Feeds;
import rdmloadtest.config.LoadTestConfig;
import rdmloadtest.run.DraftLedger;
import rdmloadtest.run.Target;

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
    Startup.orExit(() -> {
      if (writes(cfg)) cfg.requireWritesAllowed(getClass().getSimpleName() + " (deposit journeys)");
      return null;
    });
    feeds = Startup.orExit(() -> new Feeds(cfg));
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

  /** Smoke: no KO at all. Other profiles: the SLO gate decides; this keeps a floor on errors. */
  protected List<Assertion> assertions() {
    if (cfg.profile().equals("smoke")) return List.of(global().failedRequests().count().is(0L));
    return List.of(global().failedRequests().percent().lte(1.0));
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
