package rdmloadtest.merge;

import static rdmloadtest.config.Parsers.*;

import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of merging many injectors' results into one run. */
public final class MergeKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<String> IN = KEYS.add(
            "merge.in",
            null,
            "merge: folder holding the injectors' results (injector-<i>/<run>/simulation.log), required.",
            text());
    public static final Key<String> OUT = KEYS.add(
            "merge.out",
            null,
            "merge: new run folder for the merged log, Gatling's report and the summary, required.",
            text());
    public static final Key<String> ALIGN = KEYS.add(
            "merge.align",
            "start",
            "merge: start (every injector's first user start at one instant) or clock (the pods' wall clocks).",
            choice("start", "clock"));
    public static final Key<Boolean> REPORT =
            KEYS.add("merge.report", "true", "merge: also write Gatling's HTML report of the merged log.", bool());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
