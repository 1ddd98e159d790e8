package rdmloadtest.simulations;

/** The search page and its search app's queries, a few pages, then maybe a hit's landing page: sessions at traffic.readers.rate. */
public class SearchPageSimulation extends ReaderSimulation {
    public SearchPageSimulation() {
        super("Search Page visitors", Journeys::searchPage, Journeys.SEARCH_PAGE_ALWAYS);
    }
}
