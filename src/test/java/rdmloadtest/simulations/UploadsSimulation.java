package rdmloadtest.simulations;

/** Logged-in web sessions: the login form with its CSRF token, the uploads page and its search app, sometimes my communities or the deposit form: sessions at traffic.readers.rate. */
public class UploadsSimulation extends ReaderSimulation {
    public UploadsSimulation() {
        super("Uploads visitors", Journeys::uploads, Journeys.UPLOADS_ALWAYS);
    }
}
