package rdmloadtest.volume;

import static rdmloadtest.config.Parsers.*;

import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of the volume report: capacity searches at several repository sizes, and the simulator's fit from them. */
public final class VolumeKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<String> IN = KEYS.add(
            "volume.in",
            null,
            "volume: folder whose subfolders are capacity reports (capacity.json) of one InvenioRDM version and size"
                    + " each, e.g. v13-1000/, v13-10000/, v14-1000/.",
            text());
    public static final Key<String> OUT = KEYS.add(
            "volume.out",
            "reports/volume",
            "volume: folder of the report (volume.md, its charts, volume-fit.json).",
            text());
    public static final Key<String> FIT = KEYS.add(
            "volume.fit",
            null,
            "volume: where the fit for the simulator is written as well (e.g."
                    + " src/main/resources/simulator/volume-fit.json, what simulator.records reads); unset: only in"
                    + " volume.out.",
            text());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
