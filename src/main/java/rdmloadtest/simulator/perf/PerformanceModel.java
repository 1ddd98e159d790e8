package rdmloadtest.simulator.perf;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A queue in front of a fixed number of workers, like gunicorn's processes x threads: a request waits
 * (FIFO) for a free worker and holds it for its service time. The capacity of a single-class mix is
 * therefore exactly workers / mean service time, the ground truth the capacity report is tested against.
 */
public final class PerformanceModel {
  private final int workers;
  private final Semaphore free;
  private final Map<EndpointClass, Duration> serviceTimes;
  private final boolean exponential;
  private final long bytesPerSecond;

  public PerformanceModel(int workers, Map<EndpointClass, Duration> serviceTimes, boolean exponential,
                          long bytesPerSecond) {
    this.workers = workers;
    this.free = new Semaphore(workers, true);
    this.serviceTimes = Map.copyOf(serviceTimes);
    this.exponential = exponential;
    this.bytesPerSecond = bytesPerSecond;
  }

  /** Work done while holding a worker; it may stream bytes through the bandwidth {@link Throttle}. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Throttle throttle) throws Exception;
  }

  /**
   * Runs {@code work} on a worker; the worker is held until the sampled service time plus {@code extra}
   * has passed (the real work counts towards it), and for as long as the work streams bytes.
   */
  public <T> T serve(EndpointClass cls, Duration extra, Work<T> work) throws Exception {
    free.acquireUninterruptibly();
    long start = System.nanoTime();
    try {
      long target = start + sample(cls) + extra.toNanos();
      Throttle throttle = new Throttle(bytesPerSecond, target);
      T result = work.run(throttle);
      sleepUntil(Math.max(target, throttle.deadline()));
      return result;
    } finally {
      free.release();
    }
  }

  public int workers() {
    return workers;
  }

  public int busyWorkers() {
    return workers - free.availablePermits();
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
    private long deadline;
    private long bytes;
    private final long start;

    Throttle(long bytesPerSecond, long deadline) {
      this.bytesPerSecond = bytesPerSecond;
      this.deadline = deadline;
      this.start = deadline;
    }

    /** Accounts for n more bytes and waits until the bandwidth allows them. */
    public void pace(long n) {
      bytes += n;
      deadline = start + (long) (bytes * 1e9 / bytesPerSecond);
      sleepUntil(deadline - 2_000_000); // let the last 2 ms of a chunk overlap the socket write
    }

    long deadline() {
      return deadline;
    }
  }
}
