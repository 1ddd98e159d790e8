package rdmloadtest.simulations;

/** Images through IIIF: the record's manifest, info.json, a thumbnail, tiles: sessions at traffic.readers.rate. */
public class IiifSimulation extends ReaderSimulation {
    public IiifSimulation() {
        super("IIIF visitors", Journeys::iiif, Journeys.IIIF_ALWAYS);
    }
}
