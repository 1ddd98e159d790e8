package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.concurrent.ThreadLocalRandom;
import rdmloadtest.api.Oai;

/** An OAI-PMH harvester: ListRecords or ListIdentifiers in oai_dc or datacite, following resumption tokens. */
public final class HarvestJourney {
  private HarvestJourney() {}

  /** Harvests everything, or only datestamps in [from, until] (injectors split the range between them). */
  public static ChainBuilder harvest(int maxPages, java.time.Duration pause, Chance chance, HarvestRange range) {
    return exec(s -> s.set("metadataPrefix", ThreadLocalRandom.current().nextBoolean() ? "oai_dc" : "datacite")
            .set("oaiRange", range.params()))
        .exec(pages("ListRecords", maxPages, pause))
        .doIf(chance.of(0.5)).then(exec(pages("ListIdentifiers", maxPages, pause)));
  }

  private static ChainBuilder pages(String verb, int maxPages, java.time.Duration pause) {
    return exec(s -> s.remove("resumptionToken").set("harvestPage", 1))
        .exec(Oai.list(verb))
        .asLongAs(s -> s.contains("resumptionToken") && !s.getString("resumptionToken").isBlank()
            && s.getInt("harvestPage") < maxPages).on(
            pause(pause)
                .exec(s -> s.set("currentToken", s.getString("resumptionToken")).remove("resumptionToken")
                    .set("harvestPage", s.getInt("harvestPage") + 1))
                .exec(Oai.resume(verb)))
        .pause(pause);
  }
}

