package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import rdmloadtest.api.Oai;

/** An OAI-PMH harvester: ListRecords or ListIdentifiers in oai_dc or datacite, following resumption tokens. */
public final class HarvestJourney {
    private static final String LIST_RECORDS = "ListRecords";
    private static final String LIST_IDENTIFIERS = "ListIdentifiers";
    private static final double ALSO_LIST_IDENTIFIERS = 0.5;

    private HarvestJourney() {}

    /** Harvests everything, or only datestamps in [from, until] (injectors split the range between them). */
    public static ChainBuilder harvest(int maxPages, Duration pause, Chance chance, HarvestRange range) {
        return exec(s -> chooseFormatAndRange(s, range))
                .exec(listPages(LIST_RECORDS, maxPages, pause))
                .doIf(chance.of(ALSO_LIST_IDENTIFIERS))
                .then(exec(listPages(LIST_IDENTIFIERS, maxPages, pause)));
    }

    private static Session chooseFormatAndRange(Session s, HarvestRange range) {
        return s.set(METADATA_PREFIX, ThreadLocalRandom.current().nextBoolean() ? "oai_dc" : "datacite")
                .set(OAI_RANGE, range.params());
    }

    /** The first page, then up to maxPages following resumption tokens, a polite pause apart. */
    private static ChainBuilder listPages(String verb, int maxPages, Duration pause) {
        return exec(s -> s.remove(RESUMPTION_TOKEN).set(HARVEST_PAGE, 1))
                .exec(Oai.list(verb))
                .asLongAs(s -> hasMorePages(s, maxPages))
                .on(pause(pause).exec(HarvestJourney::resumeFromToken).exec(Oai.resume(verb)))
                .pause(pause);
    }

    private static boolean hasMorePages(Session s, int maxPages) {
        return s.contains(RESUMPTION_TOKEN)
                && !s.getString(RESUMPTION_TOKEN).isBlank()
                && s.getInt(HARVEST_PAGE) < maxPages;
    }

    private static Session resumeFromToken(Session s) {
        return s.set(CURRENT_TOKEN, s.getString(RESUMPTION_TOKEN))
                .remove(RESUMPTION_TOKEN)
                .set(HARVEST_PAGE, s.getInt(HARVEST_PAGE) + 1);
    }
}
