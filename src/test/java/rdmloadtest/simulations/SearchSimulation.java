package rdmloadtest.simulations;

/** Search records, refine, page, open a hit: anonymous readers at the configured rate (traffic.readers.rate). */
public class SearchSimulation extends ReaderSimulation {
    public SearchSimulation() {
        super("Search readers", Journeys::search, Journeys.SEARCH_ALWAYS);
    }
}
