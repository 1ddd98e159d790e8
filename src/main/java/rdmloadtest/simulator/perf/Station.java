package rdmloadtest.simulator.perf;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One tier's pool of workers in virtual time: a request takes the first worker to be free (FIFO) and holds it for
 * its service time. It also counts what Prometheus is shown: worker-seconds held, own service, completions, and the
 * requests waiting or in service now.
 */
final class Station {
    /** The worker a request got and when it holds it: [start, end) in {@link PerformanceModel.Clock#nanoTime()}. */
    record Slot(Tier tier, int worker, long start, long end, long service) {}

    /** A worker held by a request whose end is not known yet (it streams bytes): taken by no one else meanwhile. */
    static final long OPEN = Long.MAX_VALUE;

    private final Tier tier;
    private final long[] freeAt;
    private final Set<Slot> open = ConcurrentHashMap.newKeySet();
    private final LongAdder busyNanos = new LongAdder();
    private final LongAdder serviceNanos = new LongAdder();
    private final LongAdder completions = new LongAdder();
    private final AtomicInteger heldOpen = new AtomicInteger();

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

    /** The first worker to be free from {@code at} on, held for {@code service} ns (-1: every worker is held open). */
    synchronized Slot take(long at, long service) {
        int w = firstFree();
        return w < 0 ? null : take(w, at, service, false);
    }

    /** The worker free first, or -1 when every worker is held open. */
    synchronized int firstFree() {
        int w = -1;
        for (int i = 0; i < freeAt.length; i++) if (freeAt[i] != OPEN && (w < 0 || freeAt[i] < freeAt[w])) w = i;
        return w;
    }

    /** Worker {@code w} from when it is free for {@code service} ns; {@code open}: held until released. */
    synchronized Slot take(int w, long at, long service, boolean open) {
        long start = Math.max(at, freeAt[w]);
        Slot s = new Slot(tier, w, start, start + service, service);
        freeAt[w] = open ? OPEN : s.end();
        if (open) heldOpen.incrementAndGet();
        this.open.add(s);
        return s;
    }

    /** An open slot ends at its end: its worker is free for others from then on. */
    synchronized void release(Slot s) {
        if (freeAt[s.worker()] == OPEN) heldOpen.decrementAndGet();
        freeAt[s.worker()] = s.end();
    }

    /** Workers held open now (streaming a download). */
    int heldOpen() {
        return heldOpen.get();
    }

    /** A request that held no worker for any time (every modelled time zero): a completion, nothing held. */
    void counted() {
        completions.increment();
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
