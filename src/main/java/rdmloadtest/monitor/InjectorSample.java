package rdmloadtest.monitor;

/**
 * One second of the injector's own state. CPU figures are in cores (2.0 = two cores busy for the whole second), so
 * they compare directly with {@code cores}.
 *
 * @param atMs end of the second, epoch milliseconds
 * @param intervalMs the wall time this sample covers (about 1000; more when the sampler itself was late)
 * @param cores processors available to this JVM
 * @param machineCpu cores busy on the whole machine (every process)
 * @param processCpu cores busy in this JVM (the embedded simulator's threads included)
 * @param simulatorCpu cores busy in the embedded simulator's threads (0 when the target is elsewhere)
 * @param gcPauseMs time spent in garbage collection during the second
 * @param heapUsedMb heap in use at the end of the second
 * @param lagP99Ms 99th percentile of how late the scheduling probe woke up during the second
 * @param lagMaxMs the worst of those
 */
public record InjectorSample(
        long atMs,
        double intervalMs,
        int cores,
        double machineCpu,
        double processCpu,
        double simulatorCpu,
        double gcPauseMs,
        double heapUsedMb,
        double lagP99Ms,
        double lagMaxMs) {

    /** Cores the load generator itself used: this JVM less the embedded simulator's threads. */
    public double injectorCpu() {
        return Math.max(0, processCpu - simulatorCpu);
    }

    /** Cores busy in other processes (a target on the same machine, another build, ...). */
    public double otherCpu() {
        return Math.max(0, machineCpu - processCpu);
    }
}
