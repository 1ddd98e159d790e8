package rdmloadtest.monitor;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A thread that asks to wake every {@link #PERIOD_NANOS} and records how late it actually woke: when the injector's
 * threads wait for a CPU (a busy machine, a GC pause), this one waits too. The idea of jHiccup, in one thread.
 */
final class LagProbe implements AutoCloseable {
    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 2);
    private final Thread thread;
    private volatile boolean running = true;
    private Histogram interval;

    LagProbe() {
        thread = new Thread(this::loop, "rdm-loadtest-lag-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(PERIOD_NANOS);
            long late = System.nanoTime() - before - PERIOD_NANOS;
            recorder.recordValue(Math.max(0, late));
        }
    }

    /** The lateness recorded since the last call (nanoseconds). */
    synchronized Histogram sinceLastCall() {
        interval = recorder.getIntervalHistogram(interval);
        return interval;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(1_000);
    }
}
