package rdmloadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import rdmloadtest.journeys.Browser;
import rdmloadtest.journeys.CommunitiesJourney;
import rdmloadtest.journeys.CommunityPagesJourney;
import rdmloadtest.journeys.DepositJourney;
import rdmloadtest.journeys.DownloadJourney;
import rdmloadtest.journeys.FrontPageJourney;
import rdmloadtest.journeys.HarvestJourney;
import rdmloadtest.journeys.HarvestRange;
import rdmloadtest.journeys.IiifJourney;
import rdmloadtest.journeys.LandingPageJourney;
import rdmloadtest.journeys.RecordViewJourney;
import rdmloadtest.journeys.SearchJourney;
import rdmloadtest.journeys.SearchPageJourney;
import rdmloadtest.journeys.UploadsJourney;
import rdmloadtest.slo.RequestNames;

/** The named scenarios the simulations compose, built from the journeys in chains/. */
public final class Journeys {
    /** The open-model scenario of the weighted reader journeys. */
    static final String READERS = "Readers";

    private final InvenioSimulation sim;

    public Journeys(InvenioSimulation sim) {
        this.sim = sim;
    }

    ChainBuilder search() {
        return SearchJourney.search(sim.feeds, sim.chance, RecordViewJourney.view(sim.cfg, sim.chance));
    }

    ChainBuilder recordView() {
        return RecordViewJourney.landOnPopularRecord(sim.feeds, sim.cfg, sim.chance);
    }

    ChainBuilder download() {
        return DownloadJourney.download(sim.feeds, sim.chance);
    }

    ChainBuilder communities() {
        return CommunitiesJourney.browse();
    }

    ChainBuilder landingPage() {
        return LandingPageJourney.landOnPopularRecord(sim.feeds, sim.chance, browser());
    }

    ChainBuilder searchPage() {
        return SearchPageJourney.search(sim.feeds, sim.chance, browser());
    }

    ChainBuilder frontPage() {
        return FrontPageJourney.visit(sim.chance, browser());
    }

    ChainBuilder communityPages() {
        return CommunityPagesJourney.browse(sim.chance, browser());
    }

    ChainBuilder uploads() {
        return UploadsJourney.visit(sim.feeds.webLogins(), sim.chance, browser());
    }

    ChainBuilder iiif() {
        return IiifJourney.view(sim.feeds.imageFiles(), sim.chance);
    }

    private Browser browser() {
        return new Browser(sim.cfg.traffic().readers().staticFiles());
    }

    /** The reader journeys with their weights (traffic.mix.*), their chains and what each always sends. */
    private List<Weighted> weighted() {
        var w = sim.cfg.traffic().readers().weights();
        return List.of(
                new Weighted("Search", w.search(), this::search, SEARCH_ALWAYS),
                new Weighted("Record view", w.recordView(), this::recordView, RECORD_VIEW_ALWAYS),
                new Weighted("Download", w.download(), this::download, DOWNLOAD_ALWAYS),
                new Weighted("Communities", w.communities(), this::communities, COMMUNITIES_ALWAYS),
                new Weighted("Landing page", w.landingPage(), this::landingPage, LANDING_PAGE_ALWAYS),
                new Weighted("Search page", w.searchPage(), this::searchPage, SEARCH_PAGE_ALWAYS),
                new Weighted("Front page", w.frontPage(), this::frontPage, FRONT_PAGE_ALWAYS),
                new Weighted("Community pages", w.communityPages(), this::communityPages, COMMUNITY_PAGES_ALWAYS),
                new Weighted("Uploads", w.uploads(), this::uploads, UPLOADS_ALWAYS),
                new Weighted("IIIF", w.iiif(), this::iiif, IIIF_ALWAYS));
    }

    private record Weighted(String name, int weight, Supplier<ChainBuilder> chain, List<String> always) {}

    /** Each reader journey with a weight as a scenario of its own (the smoke profile runs each once). */
    Map<String, ScenarioBuilder> eachReaderJourney() {
        Map<String, ScenarioBuilder> out = new LinkedHashMap<>();
        for (Weighted j : weighted())
            if (j.weight() > 0) out.put(j.name(), single(j.name(), j.chain().get()));
        return out;
    }

    /** Anonymous readers and web visitors: one journey per session, chosen by the configured weights. */
    public ScenarioBuilder readers() {
        double total = sim.cfg.traffic().readers().weights().total();
        List<Choice.WithWeight> choices = new ArrayList<>();
        for (Weighted j : weighted())
            if (j.weight() > 0)
                choices.add(percent(100.0 * j.weight() / total).then(j.chain().get()));
        return InvenioSimulation.scenario(READERS).randomSwitch().on(choices);
    }

    ScenarioBuilder depositors() {
        return InvenioSimulation.scenario("Depositors")
                .feed(sim.depositorTokens())
                .exec(DepositJourney.deposit(sim.feeds, sim.cfg, sim.chance, sim.ledger))
                .pause(
                        sim.profiles.smoke()
                                ? Duration.ZERO
                                : sim.cfg.traffic().depositors().pause());
    }

    ScenarioBuilder discarders() {
        return InvenioSimulation.scenario("Discarding depositors")
                .feed(sim.depositorTokens())
                .exec(DepositJourney.discard(sim.feeds, sim.ledger));
    }

    ScenarioBuilder harvesters() {
        return InvenioSimulation.scenario("Harvesters")
                .exec(HarvestJourney.harvest(
                        sim.cfg.traffic().harvesters().maxPages(),
                        sim.profiles.smoke()
                                ? Duration.ZERO
                                : sim.cfg.traffic().harvesters().pause(),
                        sim.chance,
                        HarvestRange.of(sim.cfg.shard())));
    }

    ScenarioBuilder single(String name, ChainBuilder chain) {
        return InvenioSimulation.scenario(name).exec(chain);
    }

    /** Requests each journey sends whenever it runs (Gatling fails an assertion on a request that never ran). */
    static final List<String> SEARCH_ALWAYS = List.of(RequestNames.SEARCH_RECORDS);

    static final List<String> RECORD_VIEW_ALWAYS = List.of(RequestNames.VIEW_RECORD);
    static final List<String> DOWNLOAD_ALWAYS = List.of(RequestNames.DOWNLOAD_FILE);
    static final List<String> COMMUNITIES_ALWAYS = List.of(RequestNames.LIST_COMMUNITIES);
    static final List<String> DEPOSIT_ALWAYS = List.of(RequestNames.CREATE_DRAFT, RequestNames.LIST_USER_RECORDS);
    static final List<String> HARVEST_ALWAYS = List.of(RequestNames.OAI_LIST_RECORDS);
    static final List<String> LANDING_PAGE_ALWAYS = List.of(RequestNames.OPEN_RECORD_PAGE, RequestNames.CITE_RECORD);
    static final List<String> SEARCH_PAGE_ALWAYS =
            List.of(RequestNames.OPEN_SEARCH_PAGE, RequestNames.SEARCH_RECORDS_WEB);
    static final List<String> FRONT_PAGE_ALWAYS = List.of(
            RequestNames.OPEN_FRONT_PAGE, RequestNames.LOAD_RECENT_RECORDS, RequestNames.LOAD_FEATURED_COMMUNITIES);
    static final List<String> COMMUNITY_PAGES_ALWAYS =
            List.of(RequestNames.OPEN_COMMUNITIES_PAGE, RequestNames.SEARCH_COMMUNITIES_WEB);
    static final List<String> UPLOADS_ALWAYS = List.of(
            RequestNames.OPEN_LOGIN_PAGE,
            RequestNames.LOG_IN,
            RequestNames.OPEN_UPLOADS_PAGE,
            RequestNames.SEARCH_USER_RECORDS_WEB);
    static final List<String> IIIF_ALWAYS = List.of(RequestNames.IIIF_MANIFEST);

    /** What the readers scenario always sends, given which journeys have a weight. */
    List<String> readersAlways() {
        List<String> out = new ArrayList<>();
        for (Weighted j : weighted()) if (j.weight() > 0) out.addAll(j.always());
        return out;
    }
}
