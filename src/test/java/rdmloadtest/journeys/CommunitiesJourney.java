package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import rdmloadtest.api.Communities;

/** Browsing communities: the list, one community, its records. */
public final class CommunitiesJourney {
  private CommunitiesJourney() {}

  public static ChainBuilder browse() {
    return exec(s -> s.remove("communityLink"))
        .exec(Communities.LIST)
        .doIf(s -> s.contains("communityLink")).then(
            exec(Communities.VIEW).exec(Communities.RECORDS));
  }
}
