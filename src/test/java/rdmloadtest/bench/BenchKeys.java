package rdmloadtest.bench;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of the benchmark simulations behind scripts/bench-*.sh. */
public final class BenchKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<Integer> USERS = KEYS.add(
            "bench.users",
            "50",
            "Benchmarks: looping users of the closed-model throughput simulations.",
            integer(1, 10_000));
    public static final Key<Duration> DURATION =
            KEYS.add("bench.duration", "20s", "Benchmarks: how long the throughput simulations run.", duration());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
