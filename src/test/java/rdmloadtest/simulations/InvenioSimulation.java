package rdmloadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.http.response.Response;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import rdmloadtest.config.Environment;
import rdmloadtest.config.Token;
import rdmloadtest.invenio.Dataset;
import rdmloadtest.invenio.InvenioHttp;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.invenio.Preflight;
import rdmloadtest.journeys.Chance;
import rdmloadtest.journeys.Feeds;
import rdmloadtest.live.LiveRun;
import rdmloadtest.metrics.MetricsFile;
import rdmloadtest.metrics.MetricsKeys;
import rdmloadtest.metrics.Prometheus;
import rdmloadtest.metrics.TierMetrics;
import rdmloadtest.mix.Journey;
import rdmloadtest.results.InjectionPlan;
import rdmloadtest.results.RunReport;
import rdmloadtest.results.RunShape;
import rdmloadtest.run.DraftLedger;
import rdmloadtest.run.LedgerFile;
import rdmloadtest.run.LoadTestConfig;
import rdmloadtest.run.RunKeys;
import rdmloadtest.run.Target;
import rdmloadtest.run.TargetData;
import rdmloadtest.slo.Slo;

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
    protected final LiveRun live;
    private final Optional<Dataset> dataset;

    protected InvenioSimulation() {
        cfg = LoadTestConfig.load();
        boolean writes = writes(cfg);
        if (writes) cfg.requireWritesAllowed(getClass().getSimpleName() + " (deposit journeys)");
        feeds = new Feeds(cfg, writes);
        // The SLO file, the baseline and the thresholds are checked now, before the target starts and any load is sent.
        RunReport.inputs(cfg.settings(), InjectionPlan.none(), getClass().getName());
        chance = new Chance(cfg.profile().equals("smoke"));
        profiles = new Profiles(cfg);
        // So are the stop conditions, the metrics file and the run's shape: the target is not even started for bad
        // input.
        LiveRun.check(cfg.settings(), Slo.load(cfg.settings()));
        MetricsFile.load(cfg.settings());
        checkShape(
                InjectionPlan.none()
                        .and(
                                Scenarios.READERS,
                                profiles.open(
                                        cfg.shard().rate(cfg.traffic().readers().rate()))),
                mixesReaderJourneys());
        target = Target.start(cfg);
        // One client for the run's own calls to the target (pre-flight, drafts' clean-up): one TLS policy, one warning.
        HttpClient targetHttp =
                InvenioHttp.client(cfg.settings().get(InvenioKeys.INSECURE_TLS), URI.create(target.siteUrl()));
        try {
            preflight(targetHttp, writes);
            // The target's Prometheus answers every tier's queries, or the run stops here, before load.
            MetricsFile.load(cfg.settings())
                    .ifPresent(m -> TierMetrics.preflight(
                            m, new Prometheus(m.prometheus()), cfg.settings().get(MetricsKeys.WAIT)));
            dataset = TargetData.probe(cfg, target.siteUrl());
        } catch (RuntimeException e) {
            closeTarget();
            throw e;
        }
        ledger = new DraftLedger(
                targetHttp,
                target.siteUrl(),
                cfg.embedded()
                        ? null
                        : LedgerFile.open(
                                Path.of(cfg.settings().get(RunKeys.LEDGER_DIR)),
                                cfg.runId(),
                                cfg.shard().index(),
                                target.siteUrl()),
                LoadTestConfig.environmentTokens(Environment.all()).stream()
                        .map(t -> new Token(t).bearer())
                        .toList(),
                cfg.embedded() ? null : cfg.marker());
        live = LiveRun.start(
                cfg.settings(), Slo.load(cfg.settings()), cfg.rampUp().plus(cfg.duration()), target.siteUrl());
        String agent = cfg.userAgent();
        protocol = (cfg.settings().get(InvenioKeys.USER_AGENT_PER_SESSION)
                        ? http.baseUrl(target.siteUrl()).header("User-Agent", s -> agent + " session/" + s.userId())
                        : http.baseUrl(target.siteUrl()).userAgentHeader(agent))
                .acceptEncodingHeader("gzip, deflate")
                .shareConnections()
                // The live view and the stop conditions see every request and every answer (rdmloadtest.live).
                .sign(request -> {
                    live.sent(request.getName());
                    return request;
                })
                .checkIf(this::answered)
                .then(status().exists());
    }

    /**
     * Tells the live view of an answer, in the condition of a check on the status, and says no (the check itself never
     * runs). Not transformResponse: a response transformer makes Gatling keep every answer's body for it, the downloads
     * of up to 50 MB and the images no check reads included (it cost the injector a third of its CPU per request on the
     * default mix). A check sees the last answer of a request that follows redirects, not each redirect.
     */
    private boolean answered(Response response, Session session) {
        live.answered(
                response.request().getName(),
                response.startTimestamp(),
                response.endTimestamp(),
                response.status().code());
        return false;
    }

    /** A scenario whose users first check the stop conditions: when one has fired, the load generator stops. */
    public static ScenarioBuilder scenario(String name) {
        return CoreDsl.scenario(name)
                .exec(stopLoadGeneratorIf(s -> LiveRun.stopMessage(), s -> LiveRun.stopRequested()));
    }

    /** The target answers as InvenioRDM of the configured version, and accepts the depositors' tokens. */
    private void preflight(HttpClient targetHttp, boolean writes) {
        Preflight check =
                new Preflight(targetHttp, target.siteUrl(), cfg.settings().get(InvenioKeys.PREFLIGHT_TIMEOUT));
        List<String> bearers = writes ? cfg.tokens().stream().map(Token::bearer).toList() : List.of();
        System.out.println("rdm-loadtest: target: " + check.check(cfg.invenioVersion(), bearers));
    }

    /** Whether this simulation, as configured, creates records (then writes must be allowed). */
    protected abstract boolean writes(LoadTestConfig cfg);

    /** Depositors' Authorization values, round robin over the configured tokens. */
    protected Iterator<Map<String, Object>> depositorTokens() {
        AtomicLong next = new AtomicLong();
        List<String> bearers = cfg.tokens().stream().map(t -> t.bearer()).toList();
        return Stream.generate(() -> Map.<String, Object>of(
                        "authorization", bearers.get((int) (next.getAndIncrement() % bearers.size()))))
                .iterator();
    }

    /**
     * Sets the run up: the run's one judge (RunReport, after Gatling finishes) with the requests the simulation always
     * sends (one that never ran fails the gate), and the run's hard time limit. No Gatling assertions: two judges could
     * disagree.
     */
    protected void run(List<PopulationBuilder> populations, List<String> alwaysSent) {
        checkShape(profiles.plan(), !alwaysSent.isEmpty());
        RunReport.install(cfg.settings(), profiles.plan(), getClass(), alwaysSent, live::abort, dataset);
        setUp(populations).protocols(protocol).maxDuration(cfg.maxDuration());
    }

    /** Whether the readers' scenario picks among the weighted reader journeys (the mix), not one journey. */
    protected boolean mixesReaderJourneys() {
        return false;
    }

    private void checkShape(InjectionPlan plan, boolean alwaysSent) {
        RunShape.check(
                cfg.settings(),
                plan,
                cfg.rampUp().plus(cfg.duration()),
                cfg.traffic().depositors().count()
                                + cfg.traffic().harvesters().count()
                                + cfg.traffic().crawlers().count()
                        > 0,
                this::leastShare,
                alwaysSent && !profiles.smoke());
    }

    /**
     * Per open scenario, the share of its sessions its least-weighted journey gets; NaN for the harvests and crawls
     * at a rate of their own, which the gate does not require (Scenarios.populations).
     */
    private double leastShare(String scenario) {
        if (scenario.equals(Scenarios.READERS) && mixesReaderJourneys()) return leastReaderShare();
        for (Journey j : Journey.populations())
            if (j.rate().isPresent() && scenario.equals(Scenarios.arrivals(j))) return Double.NaN;
        return 1.0;
    }

    /** The share of the readers' sessions that the least-weighted reader journey gets. */
    private double leastReaderShare() {
        var w = cfg.traffic().readers().weights();
        int least = w.byJourney().values().stream()
                .mapToInt(Integer::intValue)
                .filter(x -> x > 0)
                .min()
                .orElse(w.total());
        return (double) least / w.total();
    }

    @Override
    public void after() {
        live.close();
        ledger.cleanUp();
        ledger.release();
        closeTarget();
    }

    private void closeTarget() {
        try {
            target.close();
        } catch (Exception e) {
            System.err.println("rdm-loadtest: stopping the simulator: " + e.getMessage());
        }
    }
}
