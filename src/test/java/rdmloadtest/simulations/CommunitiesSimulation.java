package rdmloadtest.simulations;

/** Browse communities and their records: anonymous readers at the configured rate (traffic.readers.rate). */
public class CommunitiesSimulation extends ReaderSimulation {
    public CommunitiesSimulation() {
        super("Communities readers", Journeys::communities, Journeys.COMMUNITIES_ALWAYS);
    }
}
