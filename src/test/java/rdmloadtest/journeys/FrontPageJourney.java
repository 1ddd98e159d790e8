package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import rdmloadtest.api.Pages;

/** The front page: the page, its recent uploads and featured communities boxes, then maybe one recent record. */
public final class FrontPageJourney {
    private static final double OPEN_A_RECENT_RECORD = 0.4;

    private FrontPageJourney() {}

    public static ChainBuilder visit(Chance chance, Browser browser) {
        return exitBlockOnFail()
                .on(exec(browser.open(Pages.FRONT_PAGE))
                        .exec(Pages.RECENT_RECORDS)
                        .exec(Pages.FEATURED_COMMUNITIES)
                        .doIf(s -> !s.getList(HIT_IDS).isEmpty()
                                && chance.of(OPEN_A_RECENT_RECORD).apply(s))
                        .then(exec(SearchJourney::pickAHit).exec(LandingPageJourney.open(chance, browser))));
    }
}
