package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.util.Map;
import rdmloadtest.api.Pages;

/** The communities page, one community of its first page (its page redirects to its records), maybe a record. */
public final class CommunityPagesJourney {
    private static final double OPEN_A_RECORD = 0.4;

    private CommunityPagesJourney() {}

    public static ChainBuilder browse(Chance chance, Browser browser) {
        return exec(s -> s.remove(COMMUNITY_HIT).remove(HIT_IDS))
                .exitBlockOnFail()
                .on(exec(browser.open(Pages.COMMUNITIES_PAGE))
                        .exec(Pages.COMMUNITIES_APP)
                        .doIf(s -> s.contains(COMMUNITY_HIT))
                        .then(exec(CommunityPagesJourney::chooseTheCommunity)
                                .exec(browser.open(Pages.COMMUNITY_PAGE))
                                .exec(Pages.COMMUNITY_RECORDS_APP)
                                .doIf(s -> s.contains(HIT_IDS)
                                        && !s.getList(HIT_IDS).isEmpty()
                                        && chance.of(OPEN_A_RECORD).apply(s))
                                .then(exec(SearchJourney::pickAHit).exec(LandingPageJourney.open(chance, browser)))));
    }

    private static Session chooseTheCommunity(Session s) {
        Map<String, Object> hit = s.getMap(COMMUNITY_HIT);
        return s.set(COMMUNITY_SLUG, hit.get("slug")).set(COMMUNITY_ID, hit.get("id"));
    }
}
