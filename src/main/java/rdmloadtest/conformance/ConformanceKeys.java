package rdmloadtest.conformance;

import static rdmloadtest.config.Parsers.*;

import java.net.URI;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of the differential check of the simulator against a real InvenioRDM. */
public final class ConformanceKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<URI> REAL = KEYS.add(
            "conformance.real",
            null,
            "differential: site URL of the real InvenioRDM to compare the simulator with, required.",
            baseUrl());
    public static final Key<String> VERSION = KEYS.add(
            "conformance.version",
            "13",
            "differential: InvenioRDM major version of that instance (13 or 14).",
            choice("13", "14"));
    public static final Key<String> OUT = KEYS.add(
            "conformance.out",
            null,
            "differential: report file (default target/conformance/differential-v<version>.md).",
            text());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
