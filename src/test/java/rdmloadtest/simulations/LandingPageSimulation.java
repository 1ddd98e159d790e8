package rdmloadtest.simulations;

/** Record landing pages: the page, its citation box, sometimes another citation style, an export or a file preview: sessions at traffic.readers.rate. */
public class LandingPageSimulation extends ReaderSimulation {
    public LandingPageSimulation() {
        super("Landing Page visitors", Journeys::landingPage, Journeys.LANDING_PAGE_ALWAYS);
    }
}
