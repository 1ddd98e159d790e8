package rdmloadtest.simulator.perf;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Queues in front of fixed pools of workers, like gunicorn's processes x threads in front of OpenSearch, PostgreSQL
 * and the file storage: a request waits (FIFO) for a free app worker and holds it for its own service time, then for
 * each backend its endpoint class calls (simulator.backendTime.*), waiting there for a free backend worker, as a
 * synchronous worker does. Workers are kept in virtual time (when each one is free next), not as threads that must
 * wake up and hand a permit on: on a busy machine a late wake-up would otherwise add its delay to every service
 * time. So the capacity of a single-class mix without backends is exactly workers / mean service time, and a
 * backend's is its workers / its mean demand: the ground truth attribution is tested against. Each tier counts its
 * held time, own service and completions for /metrics. When the real work takes longer than the modelled time,
 * that truth no longer holds: such requests are counted per endpoint class and said once per class. Background tasks
 * (a published record's indexing) queue FIFO for the background workers after the answer, holding no app worker.
 */
public final class PerformanceModel {
    private final Map<Tier, Station> stations = new EnumMap<>(Tier.class);
    private final Map<EndpointClass, Duration> serviceTimes;
    private final Map<EndpointClass, Map<Tier, Duration>> backendTimes;
    private final boolean exponential;
    private final long bytesPerSecond;
    private final Map<EndpointClass, LongAdder> overruns = new EnumMap<>(EndpointClass.class);
    private final Map<EndpointClass, LongAdder> served = new EnumMap<>(EndpointClass.class);
    private final Clock clock;
    /** Every modelled time is zero (what bench-simulator measures): a worker is held only while a download streams. */
    private final boolean unmodelled;
    /** A background worker's mean time per task (simulator.tiers.background.serviceTime). */
    private final Duration backgroundTime;
    /** Background tasks planned and not yet counted done. */
    private final Deque<Station.Slot> background = new ArrayDeque<>();

    /** Time and waiting, so that the model's arithmetic can be tested without a wall clock. */
    public interface Clock {
        long nanoTime();

        void sleepUntil(long deadline);

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long deadline) {
                PerformanceModel.sleepUntil(deadline);
            }
        };
    }

    /** One tier's counters, as /metrics shows them. */
    public record TierStats(
            Tier tier,
            int workers,
            double busySeconds,
            double serviceSeconds,
            long completions,
            int busy,
            int queued) {}

    /** App workers only: no backend is called. */
    public PerformanceModel(
            int workers, Map<EndpointClass, Duration> serviceTimes, boolean exponential, long bytesPerSecond) {
        this(workers, serviceTimes, Map.of(), Map.of(), exponential, bytesPerSecond, Clock.SYSTEM);
    }

    /** Without background work: a background task is done when it is queued. */
    public PerformanceModel(
            int workers,
            Map<EndpointClass, Duration> serviceTimes,
            Map<EndpointClass, Map<Tier, Duration>> backendTimes,
            Map<Tier, Integer> backendWorkers,
            boolean exponential,
            long bytesPerSecond,
            Clock clock) {
        this(workers, serviceTimes, backendTimes, backendWorkers, Duration.ZERO, exponential, bytesPerSecond, clock);
    }

    /**
     * @param backendTimes per endpoint class, the mean service time in each backend tier it calls
     * @param tierWorkers workers of each backend tier and of the background tier (absent: the tier's default)
     * @param backgroundTime a background worker's mean time per task
     */
    public PerformanceModel(
            int workers,
            Map<EndpointClass, Duration> serviceTimes,
            Map<EndpointClass, Map<Tier, Duration>> backendTimes,
            Map<Tier, Integer> tierWorkers,
            Duration backgroundTime,
            boolean exponential,
            long bytesPerSecond,
            Clock clock) {
        stations.put(Tier.APP, new Station(Tier.APP, workers));
        for (Tier t : Tier.values())
            if (t != Tier.APP)
                stations.put(t, new Station(t, tierWorkers.getOrDefault(t, Integer.parseInt(t.defaultWorkers()))));
        this.backgroundTime = backgroundTime;
        this.serviceTimes = Map.copyOf(serviceTimes);
        this.backendTimes = Map.copyOf(backendTimes);
        this.exponential = exponential;
        this.bytesPerSecond = bytesPerSecond;
        this.clock = clock;
        this.unmodelled = this.serviceTimes.values().stream().allMatch(Duration::isZero)
                && this.backendTimes.values().stream()
                        .flatMap(m -> m.values().stream())
                        .allMatch(Duration::isZero);
        for (EndpointClass c : EndpointClass.values()) {
            overruns.put(c, new LongAdder());
            served.put(c, new LongAdder());
        }
    }

    /** Work done while holding a worker; it may stream bytes through the bandwidth {@link Throttle}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Throttle throttle) throws Exception;
    }

    /** A request's slots: its app worker, held until its last backend slot ends, and those backend slots. */
    record Visit(Station.Slot app, List<Station.Slot> backends) {}

    /**
     * Runs {@code work} on an app worker: the request waits until its worker is free, does its real work, and holds
     * the worker until its sampled service time plus {@code extra} and its backend visits have passed since it got
     * it, and for as long as the work streams bytes.
     */
    public <T> T serve(EndpointClass cls, Duration extra, Work<T> work) throws Exception {
        Station appTier = stations.get(Tier.APP);
        if (unmodelled && !cls.streams() && extra.isZero() && appTier.heldOpen() < appTier.workers()) {
            // It would hold a free worker for no time: no slot to plan, only its completion to count.
            T result = work.run(new Throttle(bytesPerSecond, clock.nanoTime(), clock));
            appTier.counted();
            served.get(cls).increment();
            return result;
        }
        Visit visit = plan(clock.nanoTime(), cls, extra.toNanos());
        Station.Slot app = visit.app();
        try {
            clock.sleepUntil(app.start());
            long begun = clock.nanoTime();
            Throttle throttle = new Throttle(bytesPerSecond, app.end(), clock);
            T result = work.run(throttle);
            if (throttle.streamed()) {
                // Streaming holds the worker past its service time: the worker is free when the last byte is.
                app = stations.get(Tier.APP).extend(app, throttle.deadline());
            } else if (clock.nanoTime() - begun > app.end() - app.start()) {
                overrun(cls, app);
            }
            clock.sleepUntil(app.end());
            served.get(cls).increment();
            return result;
        } finally {
            if (cls.streams()) release(app);
            for (Station.Slot b : visit.backends()) stations.get(b.tier()).done(b);
            stations.get(Tier.APP).done(app);
        }
    }

    /**
     * The request's app worker and backend slots, taken in arrival order (FIFO at every tier). A download holds its
     * worker open: how long it streams is known only at its end, so no later request may be given that worker's time
     * meanwhile (a request that finds every worker held open waits for one to be released).
     */
    synchronized Visit plan(long now, EndpointClass cls, long extraNanos) throws InterruptedException {
        Station app = stations.get(Tier.APP);
        int w;
        while ((w = app.firstFree()) < 0) {
            wait();
            now = clock.nanoTime();
        }
        Station.Slot a = app.take(w, now, sample(serviceTimes.get(cls)) + extraNanos, cls.streams());
        long t = a.end();
        List<Station.Slot> backends = new ArrayList<>(2);
        Map<Tier, Duration> demand = backendTimes.getOrDefault(cls, Map.of());
        for (Tier tier : Tier.BACKENDS) {
            Duration d = demand.get(tier);
            if (d == null || d.isZero()) continue;
            Station.Slot b = stations.get(tier).take(t, sample(d));
            backends.add(b);
            t = b.end();
        }
        return new Visit(app.extend(a, t), List.copyOf(backends));
    }

    /**
     * A background task (a published record's indexing, which Celery's bulk indexer does after the answer) queued now:
     * FIFO for the first background worker to be free, for a sampled service time. Nothing waits for it; returns how
     * long from now until it is done (its wait and its service).
     */
    public Duration background() {
        long now = clock.nanoTime();
        Station st = stations.get(Tier.BACKGROUND);
        synchronized (background) {
            finishBackground(now);
            Station.Slot s = st.take(now, sample(backgroundTime));
            background.addLast(s);
            return Duration.ofNanos(s.end() - now);
        }
    }

    /** Background tasks done by {@code now} are counted (their held time, completions): nothing else ends them. */
    private void finishBackground(long now) {
        synchronized (background) {
            background.removeIf(s -> {
                if (s.end() > now) return false;
                stations.get(Tier.BACKGROUND).done(s);
                return true;
            });
        }
    }

    /** A download's worker is free again, at the end of its slot. */
    private synchronized void release(Station.Slot app) {
        stations.get(Tier.APP).release(app);
        notifyAll();
    }

    /** An app worker for {@code serviceNanos}, without backends (the model's arithmetic, tested alone). */
    Station.Slot take(long now, long serviceNanos) {
        return stations.get(Tier.APP).take(now, serviceNanos);
    }

    private void overrun(EndpointClass cls, Station.Slot slot) {
        LongAdder n = overruns.get(cls);
        n.increment();
        if (n.sum() == 1) {
            System.err.printf(
                    Locale.ROOT,
                    "simulator: a %s request's real work took longer than its modelled %.1f ms: the"
                            + " capacity is no longer workers / service time (simulator.serviceTime.%s too small for this machine)%n",
                    cls.id(),
                    (slot.end() - slot.start()) / 1e6,
                    cls.id());
        }
    }

    /** App workers. */
    public int workers() {
        return stations.get(Tier.APP).workers();
    }

    /** App workers holding a request now. */
    public int busyWorkers() {
        return stations.get(Tier.APP).busy(clock.nanoTime());
    }

    /** Every tier's counters now. */
    public List<TierStats> tiers() {
        long now = clock.nanoTime();
        finishBackground(now);
        List<TierStats> out = new ArrayList<>();
        for (Station s : stations.values())
            out.add(new TierStats(
                    s.tier(),
                    s.workers(),
                    s.busySeconds(),
                    s.serviceSeconds(),
                    s.completions(),
                    s.busy(now),
                    s.queued(now)));
        return out;
    }

    /** Requests answered per endpoint class. */
    public Map<EndpointClass, Long> served() {
        Map<EndpointClass, Long> out = new EnumMap<>(EndpointClass.class);
        served.forEach((c, n) -> out.put(c, n.sum()));
        return out;
    }

    /** Requests per endpoint class whose real work took longer than their modelled service time. */
    public Map<EndpointClass, Long> overruns() {
        Map<EndpointClass, Long> out = new EnumMap<>(EndpointClass.class);
        overruns.forEach((c, n) -> out.put(c, n.sum()));
        return out;
    }

    private long sample(Duration meanTime) {
        long mean = meanTime.toNanos();
        if (!exponential) return mean;
        return (long) (-mean * Math.log(1.0 - ThreadLocalRandom.current().nextDouble()));
    }

    static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) LockSupport.parkNanos(left);
    }

    /** Paces byte streams to the model's bandwidth: n bytes take n / bandwidth seconds of the worker. */
    public static final class Throttle {
        private final long bytesPerSecond;
        private final Clock clock;
        private long deadline;
        private long bytes;
        private final long start;

        Throttle(long bytesPerSecond, long deadline, Clock clock) {
            this.bytesPerSecond = bytesPerSecond;
            this.deadline = deadline;
            this.start = deadline;
            this.clock = clock;
        }

        /** Accounts for n more bytes and waits until the bandwidth allows them. */
        public void pace(long n) {
            bytes += n;
            deadline = start + (long) (bytes * 1e9 / bytesPerSecond);
            clock.sleepUntil(deadline - 2_000_000); // let the last 2 ms of a chunk overlap the socket write
        }

        boolean streamed() {
            return bytes > 0;
        }

        long deadline() {
            return deadline;
        }
    }
}
