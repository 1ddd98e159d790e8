package rdmloadtest.simulator.perf;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A queue in front of a fixed number of workers, like gunicorn's processes x threads: a request waits (FIFO) for a
 * free worker and holds it for exactly its service time, the real work of answering counted inside it. Workers are
 * kept in virtual time (when each one is free next), not as threads that must wake up and hand a permit on: on a busy
 * machine a late wake-up would otherwise add its delay to every service time. So the capacity of a single-class mix
 * is exactly workers / mean service time, for any setting, the ground truth the capacity search is tested against.
 * When the real work takes longer than the modelled time, that truth no longer holds: such requests are counted per
 * endpoint class and said once per class.
 */
public final class PerformanceModel {
    private final int workers;
    private final long[] freeAt;
    private final Map<EndpointClass, Duration> serviceTimes;
    private final boolean exponential;
    private final long bytesPerSecond;
    private final Map<EndpointClass, LongAdder> overruns = new EnumMap<>(EndpointClass.class);
    private final Clock clock;

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

    public PerformanceModel(
            int workers, Map<EndpointClass, Duration> serviceTimes, boolean exponential, long bytesPerSecond) {
        this(workers, serviceTimes, exponential, bytesPerSecond, Clock.SYSTEM);
    }

    public PerformanceModel(
            int workers,
            Map<EndpointClass, Duration> serviceTimes,
            boolean exponential,
            long bytesPerSecond,
            Clock clock) {
        this.workers = workers;
        this.freeAt = new long[workers];
        Arrays.fill(freeAt, Long.MIN_VALUE);
        this.serviceTimes = Map.copyOf(serviceTimes);
        this.exponential = exponential;
        this.bytesPerSecond = bytesPerSecond;
        this.clock = clock;
        for (EndpointClass c : EndpointClass.values()) overruns.put(c, new LongAdder());
    }

    /** Work done while holding a worker; it may stream bytes through the bandwidth {@link Throttle}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Throttle throttle) throws Exception;
    }

    /** The worker a request got and when it holds it: [start, end) in {@link Clock#nanoTime()}. */
    record Slot(int worker, long start, long end) {}

    /**
     * Runs {@code work} on a worker: the request waits until its worker is free, does its real work, and holds the
     * worker until the sampled service time plus {@code extra} has passed since it got it, and for as long as the work
     * streams bytes.
     */
    public <T> T serve(EndpointClass cls, Duration extra, Work<T> work) throws Exception {
        Slot slot = take(clock.nanoTime(), sample(cls) + extra.toNanos());
        clock.sleepUntil(slot.start());
        long begun = clock.nanoTime();
        Throttle throttle = new Throttle(bytesPerSecond, slot.end(), clock);
        T result = work.run(throttle);
        if (throttle.streamed()) {
            // Streaming holds the worker past its service time: the worker is free when the last byte is.
            extend(slot, throttle.deadline());
        } else if (clock.nanoTime() - begun > slot.end() - slot.start()) {
            overrun(cls, slot);
        }
        clock.sleepUntil(Math.max(slot.end(), throttle.deadline()));
        return result;
    }

    /** The first worker to be free (FIFO: requests take workers in the order they arrive here). */
    synchronized Slot take(long now, long serviceNanos) {
        int w = 0;
        for (int i = 1; i < workers; i++) if (freeAt[i] < freeAt[w]) w = i;
        long start = Math.max(now, freeAt[w]);
        freeAt[w] = start + serviceNanos;
        return new Slot(w, start, freeAt[w]);
    }

    private synchronized void extend(Slot slot, long until) {
        freeAt[slot.worker()] = Math.max(freeAt[slot.worker()], until);
    }

    private void overrun(EndpointClass cls, Slot slot) {
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

    public int workers() {
        return workers;
    }

    /** Workers holding a request now. */
    public synchronized int busyWorkers() {
        long now = clock.nanoTime();
        int busy = 0;
        for (long f : freeAt) if (f > now) busy++;
        return busy;
    }

    /** Requests per endpoint class whose real work took longer than their modelled service time. */
    public Map<EndpointClass, Long> overruns() {
        Map<EndpointClass, Long> out = new EnumMap<>(EndpointClass.class);
        overruns.forEach((c, n) -> out.put(c, n.sum()));
        return out;
    }

    private long sample(EndpointClass cls) {
        long mean = serviceTimes.get(cls).toNanos();
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
