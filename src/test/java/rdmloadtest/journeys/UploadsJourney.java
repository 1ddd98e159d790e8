package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.Iterator;
import java.util.Map;
import rdmloadtest.api.Account;

/**
 * A depositor's web session: logs in through the form (with its CSRF token), looks at their uploads (the page and its
 * search app), sometimes their communities or the deposit form. Nothing is written but the login session.
 */
public final class UploadsJourney {
    private static final double MY_COMMUNITIES = 0.3;
    private static final double DEPOSIT_FORM = 0.2;

    private UploadsJourney() {}

    /** @param webUsers rows of webEmail and webPassword */
    public static ChainBuilder visit(Iterator<Map<String, Object>> webUsers, Chance chance, Browser browser) {
        return feed(webUsers)
                .exitBlockOnFail()
                .on(exec(browser.open(Account.LOGIN_PAGE))
                        .exec(Account.LOG_IN)
                        .exec(browser.open(Account.UPLOADS_PAGE))
                        .exec(Account.USER_RECORDS_APP)
                        .doIf(chance.of(MY_COMMUNITIES))
                        .then(exec(browser.open(Account.MY_COMMUNITIES_PAGE)))
                        .doIf(chance.of(DEPOSIT_FORM))
                        .then(exec(browser.open(Account.DEPOSIT_FORM))));
    }
}
