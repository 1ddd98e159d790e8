package rdmloadtest.testing;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Simulation;

/** The smallest run for the Gatling door's contract test: five users, one request each, to a URL the test gives. */
public class DoorSimulation extends Simulation {
    public static final String URL = "rdmloadtest.door.url";
    public static final String REQUEST = "Door request";
    public static final int USERS = 5;

    {
        setUp(scenario("door")
                .exec(http(REQUEST).get(System.getProperty(URL)).check(status().is(200)))
                .injectOpen(atOnceUsers(USERS)));
    }
}
