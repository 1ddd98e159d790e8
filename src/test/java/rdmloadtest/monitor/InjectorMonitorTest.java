package rdmloadtest.monitor;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InjectorMonitorTest {
    private static final long SPIN_CPU_NANOS = TimeUnit.MILLISECONDS.toNanos(1_500);

    /**
     * A thread named like the simulator's burns a fixed amount of CPU time (however long that takes on a busy machine)
     * and stays alive until the monitor has sampled again: the CPU the monitor attributes to the simulator must be
     * that amount, and never more than the whole process used.
     */
    @Test
    void simulatorThreadsCpuIsMeasuredApartFromTheProcess() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong spent = new AtomicLong();
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread simulator = new Thread(
                () -> {
                    long start = mx.getCurrentThreadCpuTime();
                    long x = 0;
                    while (mx.getCurrentThreadCpuTime() - start < SPIN_CPU_NANOS) x += System.nanoTime() % 7;
                    spent.set(mx.getCurrentThreadCpuTime() - start + (x == 42 ? 1 : 0));
                    spun.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                InjectorMonitor.SIMULATOR_THREAD_PREFIX + "-test");

        List<InjectorSample> samples;
        try (InjectorMonitor monitor = InjectorMonitor.start()) {
            simulator.start();
            assertTrue(spun.await(60, TimeUnit.SECONDS), "the spinning thread never got its CPU time");
            int after = monitor.samples().size();
            while (monitor.samples().size() < after + 2) Thread.sleep(100);
            samples = monitor.stop();
        } finally {
            release.countDown();
            simulator.join();
        }
        double attributedNanos = samples.stream()
                .mapToDouble(s -> s.simulatorCpu() * s.intervalMs() * 1e6)
                .sum();
        assertEquals(spent.get(), attributedNanos, 0.1 * spent.get(), "simulator CPU attributed by the monitor");
        for (InjectorSample s : samples) {
            assertTrue(s.processCpu() + 0.05 >= s.simulatorCpu(), "the simulator is part of the process: " + s);
            assertTrue(s.cores() == Runtime.getRuntime().availableProcessors(), s.toString());
            assertTrue(s.heapUsedMb() > 0, s.toString());
            assertTrue(s.lagP99Ms() >= 0 && s.lagMaxMs() >= s.lagP99Ms(), s.toString());
        }
    }
}
