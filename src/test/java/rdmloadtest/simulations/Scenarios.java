package rdmloadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.PAGES_OPENED;
import static rdmloadtest.api.SessionKeys.PAGES_WANTED;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.journeys.Browser;
import rdmloadtest.journeys.CommunitiesJourney;
import rdmloadtest.journeys.CommunityPagesJourney;
import rdmloadtest.journeys.CrawlJourney;
import rdmloadtest.journeys.DepositJourney;
import rdmloadtest.journeys.DownloadJourney;
import rdmloadtest.journeys.FrontPageJourney;
import rdmloadtest.journeys.HarvestJourney;
import rdmloadtest.journeys.HarvestRange;
import rdmloadtest.journeys.IiifJourney;
import rdmloadtest.journeys.LandingPageJourney;
import rdmloadtest.journeys.PagesPerVisit;
import rdmloadtest.journeys.RecordViewJourney;
import rdmloadtest.journeys.SearchJourney;
import rdmloadtest.journeys.SearchPageJourney;
import rdmloadtest.journeys.UploadsJourney;
import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/**
 * The scenarios the simulations compose, from the catalogue of journeys (mix/Journey): each row's chain (one arm
 * per row: a row without its chain does not compile), the readers' weighted mix, the closed populations.
 */
public final class Scenarios {
    /** The open-model scenario of the weighted reader journeys. */
    static final String READERS = "Readers";

    private final InvenioSimulation sim;
    /** When the run's load is planned to end (System.nanoTime), counted from now: a second or so before Gatling starts. */
    private final long plannedEnd;

    public Scenarios(InvenioSimulation sim) {
        this.sim = sim;
        this.plannedEnd = System.nanoTime() + sim.profiles.plannedLength().toNanos();
    }

    /** Never in a smoke run, which sends every journey once whatever it takes. */
    private boolean plannedEndPassed() {
        return !sim.profiles.smoke() && System.nanoTime() > plannedEnd;
    }

    /** What one session of a journey does. */
    ChainBuilder chain(Journey journey) {
        LoadTestConfig cfg = sim.cfg;
        return switch (journey) {
            case SEARCH -> SearchJourney.search(sim.feeds, sim.chance, RecordViewJourney.view(cfg, sim.chance));
            case RECORD_VIEW -> RecordViewJourney.landOnPopularRecord(sim.feeds, cfg, sim.chance);
            case DOWNLOAD -> DownloadJourney.download(sim.feeds, sim.chance);
            case COMMUNITIES -> CommunitiesJourney.browse();
            case LANDING_PAGE -> web(LandingPageJourney.landOnPopularRecord(sim.feeds, sim.chance, browser()));
            case SEARCH_PAGE -> web(SearchPageJourney.search(sim.feeds, sim.chance, browser()));
            case FRONT_PAGE -> web(FrontPageJourney.visit(sim.chance, browser()));
            case COMMUNITY_PAGES -> web(CommunityPagesJourney.browse(sim.chance, browser()));
            case UPLOADS -> web(UploadsJourney.visit(sim.feeds.webLogins(), sim.chance, browser()));
            case IIIF ->
                IiifJourney.view(
                        sim.feeds.imageFiles(),
                        sim.chance,
                        cfg.traffic().readers().web().iiifTiles());
            case DEPOSIT ->
                feed(sim.depositorTokens())
                        .exec(DepositJourney.deposit(sim.feeds, cfg, sim.chance, sim.ledger))
                        .pause(thinkTime(cfg.traffic().depositors().pause()));
            case HARVEST ->
                HarvestJourney.harvest(
                        cfg.traffic().harvesters().maxPages(),
                        thinkTime(cfg.traffic().harvesters().pause()),
                        sim.chance,
                        HarvestRange.of(cfg.shard()));
            case CRAWL ->
                CrawlJourney.crawl(
                        cfg.traffic().crawlers(),
                        sim.feeds,
                        !sim.profiles.smoke(),
                        this::plannedEndPassed,
                        cfg.settings().get(InvenioKeys.USER_AGENT_PER_SESSION));
        };
    }

    private Duration thinkTime(Duration configured) {
        return sim.profiles.smoke() ? Duration.ZERO : configured;
    }

    private Browser browser() {
        return new Browser(sim.cfg.traffic().readers().web());
    }

    /** A web journey, then (with traffic.web.pagesPerVisit) more landing pages until the session's drawn count. */
    private ChainBuilder web(ChainBuilder journey) {
        double mean = sim.cfg.traffic().readers().web().pagesPerVisit();
        if (mean <= 0 || sim.chance.always()) return journey;
        return exec(s -> s.set(PAGES_OPENED, 0).set(PAGES_WANTED, PagesPerVisit.draw(mean)))
                .exec(journey)
                .asLongAs(s -> Browser.pagesOpened(s) < s.getInt(PAGES_WANTED))
                .on(LandingPageJourney.landOnPopularRecord(sim.feeds, sim.chance, browser()));
    }

    /** A journey alone, as a scenario named by its label. */
    ScenarioBuilder alone(Journey journey) {
        return alone(journey, journey.label());
    }

    private ScenarioBuilder alone(Journey journey, String name) {
        return InvenioSimulation.scenario(name).exec(chain(journey));
    }

    /** Each reader journey with a weight as a scenario of its own (the smoke profile runs each once). */
    Map<Journey, ScenarioBuilder> eachReaderJourney() {
        Map<Journey, ScenarioBuilder> out = new LinkedHashMap<>();
        for (Journey j : weighted()) out.put(j, alone(j));
        return out;
    }

    /** Anonymous readers and web visitors: one journey per session, chosen by the configured weights. */
    public ScenarioBuilder readers() {
        var weights = sim.cfg.traffic().readers().weights();
        List<Choice.WithWeight> choices = new ArrayList<>();
        for (Journey j : weighted())
            choices.add(percent(100.0 * weights.of(j) / weights.total()).then(chain(j)));
        return InvenioSimulation.scenario(READERS).randomSwitch().on(choices);
    }

    /** What the readers scenario always sends, given which journeys have a weight. */
    List<String> readersAlways() {
        List<String> out = new ArrayList<>();
        for (Journey j : weighted()) out.addAll(j.alwaysSent());
        return out;
    }

    private List<Journey> weighted() {
        var weights = sim.cfg.traffic().readers().weights();
        return Journey.readers().stream().filter(j -> weights.of(j) > 0).toList();
    }

    /**
     * A closed journey's population of this many users (none for 0); a smoke run of the deposit journey also
     * discards a draft, the branch a single depositor's session may not take.
     */
    List<PopulationBuilder> population(Journey journey, int users) {
        List<PopulationBuilder> out = new ArrayList<>();
        sim.profiles.population(() -> alone(journey), users).ifPresent(out::add);
        if (journey == Journey.DEPOSIT && users > 0 && sim.profiles.smoke())
            sim.profiles.population(this::discarders, 1).ifPresent(out::add);
        return out;
    }

    private ScenarioBuilder discarders() {
        return InvenioSimulation.scenario("Discarding depositors")
                .feed(sim.depositorTokens())
                .exec(DepositJourney.discard(sim.feeds, sim.ledger));
    }

    /**
     * Each closed journey's configured population (depositors, harvesters, crawlers), and what they always send; then
     * the sessions of those with a rate of their own (harvests, crawls per second), which the gate does not require:
     * at a log's rate, a short run may see none.
     */
    void populations(List<PopulationBuilder> populations, List<String> always) {
        for (Journey j : Journey.populations()) {
            List<PopulationBuilder> p = population(j, sim.cfg.settings().get(j.key()));
            if (!p.isEmpty()) {
                populations.addAll(p);
                always.addAll(j.alwaysSent());
            }
            double rate = j.rate().map(sim.cfg.settings()::get).orElse(0.0);
            // A smoke run sends each journey once: its population, if it has one, already did.
            if (rate > 0 && !(sim.profiles.smoke() && !p.isEmpty()))
                populations.add(sim.profiles.arrivals(arrivals(j), alone(j, arrivals(j)), rate));
        }
    }

    /** The scenario of a journey's own arrivals (a name apart from its closed population's). */
    static String arrivals(Journey j) {
        return j.label() + " arrivals";
    }
}
