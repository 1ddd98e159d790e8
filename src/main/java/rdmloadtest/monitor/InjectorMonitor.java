package rdmloadtest.monitor;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Samples the injector's own JVM and machine once a second while a run or a capacity step sends load: machine and
 * process CPU, the embedded simulator's share of it, GC pauses, heap, and how late a probe thread wakes up. A starved
 * load generator measures its own queueing as the target's latency; these samples are how a run finds out.
 */
public final class InjectorMonitor implements AutoCloseable {
    /** Threads of the embedded simulator (Jetty's pool and its helpers are named so). */
    public static final String SIMULATOR_THREAD_PREFIX = "simulator";

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final double NANOS_PER_MS = 1e6;

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final LagProbe lag = new LagProbe();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rdm-loadtest-injector-monitor");
        t.setDaemon(true);
        return t;
    });
    private final List<InjectorSample> samples = new ArrayList<>();
    private final Map<Long, Long> simulatorThreadCpu = new HashMap<>();

    private long lastNanos;
    private long lastProcessCpu;
    private long lastGcMs;
    private long[] lastMachineTicks;

    private InjectorMonitor() {
        lastNanos = System.nanoTime();
        lastProcessCpu = os.getProcessCpuTime();
        lastGcMs = gcMillis();
        lastMachineTicks = machineTicks();
        simulatorCpuNanos();
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts sampling now, once a second, until {@link #stop()}. */
    public static InjectorMonitor start() {
        return new InjectorMonitor();
    }

    /** Every second sampled so far, oldest first. */
    public synchronized List<InjectorSample> samples() {
        return List.copyOf(samples);
    }

    /** Stops sampling and returns every second sampled. */
    public List<InjectorSample> stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
            lag.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return samples();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        double wallNanos = Math.max(1, now - lastNanos);
        long processCpu = os.getProcessCpuTime();
        long gcMs = gcMillis();
        long[] ticks = machineTicks();
        double machine = machineCores(lastMachineTicks, ticks)
                .orElse(os.getCpuLoad() < 0 ? Double.NaN : os.getCpuLoad() * cores);
        Histogram late = lag.sinceLastCall();
        samples.add(new InjectorSample(
                System.currentTimeMillis(),
                wallNanos / NANOS_PER_MS,
                cores,
                machine,
                (processCpu - lastProcessCpu) / wallNanos,
                simulatorCpuNanos() / wallNanos,
                gcMs - lastGcMs,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6,
                late.getTotalCount() == 0 ? 0 : late.getValueAtPercentile(99) / NANOS_PER_MS,
                late.getTotalCount() == 0 ? 0 : late.getMaxValue() / NANOS_PER_MS));
        lastNanos = now;
        lastProcessCpu = processCpu;
        lastGcMs = gcMs;
        lastMachineTicks = ticks;
    }

    private long gcMillis() {
        return collectors.stream()
                .mapToLong(c -> Math.max(0, c.getCollectionTime()))
                .sum();
    }

    /** CPU nanoseconds the simulator's threads used since the last call (threads that ended in between are lost). */
    private long simulatorCpuNanos() {
        long used = 0;
        Map<Long, Long> seen = new HashMap<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (t == null || !t.getThreadName().startsWith(SIMULATOR_THREAD_PREFIX)) continue;
            long cpu = threads.getThreadCpuTime(t.getThreadId());
            if (cpu < 0) continue;
            used += cpu - simulatorThreadCpu.getOrDefault(t.getThreadId(), 0L);
            seen.put(t.getThreadId(), cpu);
        }
        simulatorThreadCpu.clear();
        simulatorThreadCpu.putAll(seen);
        return Math.max(0, used);
    }

    /** The "cpu" line of /proc/stat: busy and total jiffies of the whole machine; null where there is none. */
    private static long[] machineTicks() {
        try {
            String line = Files.readAllLines(PROC_STAT).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) total += Long.parseLong(f[i]);
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private OptionalDouble machineCores(long[] before, long[] after) {
        if (before == null || after == null || after[1] <= before[1]) return OptionalDouble.empty();
        return OptionalDouble.of((double) (after[0] - before[0]) / (after[1] - before[1]) * cores);
    }
}
