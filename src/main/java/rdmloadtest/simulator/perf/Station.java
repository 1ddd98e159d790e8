package rdmloadtest.simulator.perf;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One tier's pool of workers in virtual time: a request takes the first worker to be free (FIFO) and holds it for
 * its service time. It also counts what Prometheus is shown: worker-seconds held, own service, completions, and the
 * requests waiting or in service now.
 */
final class Station {
    /** The worker a request got and when it holds it: [start, end) in {@link PerformanceModel.Clock#nanoTime()}. */
    record Slot(Tier tier, int worker, long start, long end, long service) {}

    private final Tier tier;
    private final long[] freeAt;
    private final Set<Slot> open = ConcurrentHashMap.newKeySet();
    private final LongAdder busyNanos = new LongAdder();
    private final LongAdder serviceNanos = new LongAdder();
    private final LongAdder completions = new LongAdder();

    Station(Tier tier, int workers) {
        this.tier = tier;
        this.freeAt = new long[workers];
        Arrays.fill(freeAt, Long.MIN_VALUE);
    }

    Tier tier() {
        return tier;
    }

    int workers() {
        return freeAt.length;
    }

    /** The first worker to be free from {@code at} on, held for {@code service} ns. */
    synchronized Slot take(long at, long service) {
        int w = 0;
        for (int i = 1; i < freeAt.length; i++) if (freeAt[i] < freeAt[w]) w = i;
        long start = Math.max(at, freeAt[w]);
        freeAt[w] = start + service;
        Slot s = new Slot(tier, w, start, freeAt[w], service);
        open.add(s);
        return s;
    }

    /** The slot's worker stays held until {@code until} (it waits for a backend, or streams bytes). */
    synchronized Slot extend(Slot s, long until) {
        if (until <= s.end()) return s;
        freeAt[s.worker()] = Math.max(freeAt[s.worker()], until);
        Slot longer = new Slot(tier, s.worker(), s.start(), until, s.service());
        open.remove(s);
        open.add(longer);
        return longer;
    }

    /** The request left this tier: its held time and its own service are counted now. */
    void done(Slot s) {
        open.remove(s);
        busyNanos.add(s.end() - s.start());
        serviceNanos.add(s.service());
        completions.increment();
    }

    /** Workers holding a request at {@code now}. */
    synchronized int busy(long now) {
        int n = 0;
        for (long f : freeAt) if (f > now) n++;
        return n;
    }

    /** Requests that have a slot but whose worker is not free for them yet. */
    int queued(long now) {
        int n = 0;
        for (Slot s : open) if (s.start() > now) n++;
        return n;
    }

    double busySeconds() {
        return busyNanos.sum() / 1e9;
    }

    double serviceSeconds() {
        return serviceNanos.sum() / 1e9;
    }

    long completions() {
        return completions.sum();
    }
}
