package rdmloadtest.monitor;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;
import rdmloadtest.config.Settings;

/** The thresholds beyond which the injector, not the target, was the limit (docs/slo-and-gate.md says why). */
public final class MonitorKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<Double> MAX_MACHINE_CPU = KEYS.add(
            "injector.maxMachineCpuPct",
            "85",
            "INVALID when the whole machine's CPU is above this (% of its cores) too often; 100 switches the rule off"
                    + " (a target deliberately on the same machine, e.g. invenio-local).",
            decimal(1, 100));
    public static final Key<Double> MAX_INJECTOR_CPU = KEYS.add(
            "injector.maxCpuPct",
            "85",
            "INVALID when the load generator's own CPU (the embedded simulator's threads not counted) is above this (% of"
                    + " the cores) too often.",
            decimal(1, 100));
    public static final Key<Duration> MAX_LAG = KEYS.add(
            "injector.maxLagP99",
            "50ms",
            "INVALID when the scheduling probe's p99 lateness within a second is above this too often.",
            duration());
    public static final Key<Double> MAX_SHORT_SHARE = KEYS.add(
            "injector.maxShortSharePct",
            "10",
            "'Too often': more than this share (%) of the judged window's seconds.",
            decimal(0, 100));

    public static InjectorValidity.Limits limits(Settings s) {
        return new InjectorValidity.Limits(
                s.get(MAX_MACHINE_CPU), s.get(MAX_INJECTOR_CPU), s.get(MAX_LAG), s.get(MAX_SHORT_SHARE));
    }

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
