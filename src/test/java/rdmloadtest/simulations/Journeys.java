package rdmloadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import rdmloadtest.journeys.CommunitiesJourney;
import rdmloadtest.journeys.DepositJourney;
import rdmloadtest.journeys.DownloadJourney;
import rdmloadtest.journeys.HarvestJourney;
import rdmloadtest.journeys.HarvestRange;
import rdmloadtest.journeys.RecordViewJourney;
import rdmloadtest.journeys.SearchJourney;
import rdmloadtest.slo.RequestNames;

/** The named scenarios the simulations compose, built from the journeys in chains/. */
public final class Journeys {
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

    /** Anonymous readers: one journey per session, chosen by the configured weights. */
    public ScenarioBuilder readers() {
        var t = sim.cfg.traffic();
        double total = t.readers().weights().search()
                + t.readers().weights().recordView()
                + t.readers().weights().download()
                + t.readers().weights().communities();
        List<Choice.WithWeight> choices = new ArrayList<>();
        if (t.readers().weights().search() > 0)
            choices.add(percent(100.0 * t.readers().weights().search() / total).then(search()));
        if (t.readers().weights().recordView() > 0)
            choices.add(
                    percent(100.0 * t.readers().weights().recordView() / total).then(recordView()));
        if (t.readers().weights().download() > 0)
            choices.add(
                    percent(100.0 * t.readers().weights().download() / total).then(download()));
        if (t.readers().weights().communities() > 0)
            choices.add(
                    percent(100.0 * t.readers().weights().communities() / total).then(communities()));
        return InvenioSimulation.scenario("Readers").randomSwitch().on(choices);
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

    /** What the readers scenario always sends, given which journeys have a weight. */
    List<String> readersAlways() {
        var t = sim.cfg.traffic();
        List<String> out = new ArrayList<>();
        if (t.readers().weights().search() > 0) out.addAll(SEARCH_ALWAYS);
        if (t.readers().weights().recordView() > 0) out.addAll(RECORD_VIEW_ALWAYS);
        if (t.readers().weights().download() > 0) out.addAll(DOWNLOAD_ALWAYS);
        if (t.readers().weights().communities() > 0) out.addAll(COMMUNITIES_ALWAYS);
        return out;
    }
}
