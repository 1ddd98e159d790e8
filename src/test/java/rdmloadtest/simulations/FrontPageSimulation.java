package rdmloadtest.simulations;

/** The front page with its recent uploads and featured communities, then maybe a recent record: sessions at traffic.readers.rate. */
public class FrontPageSimulation extends ReaderSimulation {
    public FrontPageSimulation() {
        super("Front Page visitors", Journeys::frontPage, Journeys.FRONT_PAGE_ALWAYS);
    }
}
