package rdmloadtest.simulations;

/** Land on popular records, versions, redirects, downloads: anonymous readers at the configured rate (traffic.readers.rate). */
public class RecordViewSimulation extends ReaderSimulation {
    public RecordViewSimulation() {
        super("RecordView readers", Journeys::recordView, Journeys.RECORD_VIEW_ALWAYS);
    }
}
