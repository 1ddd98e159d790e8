package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** Logged-in web sessions: the login form with its CSRF token, the uploads page and its search app, sometimes my communities or the deposit form: sessions at traffic.readers.rate. */
public class UploadsSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.UPLOADS;
    }
}
