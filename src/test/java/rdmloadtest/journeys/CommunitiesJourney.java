package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import rdmloadtest.api.Communities;

/** Browsing communities: the list, one community, its records. */
public final class CommunitiesJourney {
    private CommunitiesJourney() {}

    public static ChainBuilder browse() {
        return exec(s -> s.remove(COMMUNITY_LINK))
                .exec(Communities.LIST)
                .doIf(s -> s.contains(COMMUNITY_LINK))
                .then(exec(Communities.VIEW).exec(Communities.RECORDS));
    }
}
