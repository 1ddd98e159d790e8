package rdmloadtest.simulations;

/** The communities page, one community's page and its records, then maybe a record: sessions at traffic.readers.rate. */
public class CommunityPagesSimulation extends ReaderSimulation {
    public CommunityPagesSimulation() {
        super("Community Pages visitors", Journeys::communityPages, Journeys.COMMUNITY_PAGES_ALWAYS);
    }
}
