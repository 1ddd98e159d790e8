package rdmloadtest.cli;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A long command's line every few seconds: k of n, rate and ETA (seeding, data generation, harvesting). The rate and
 * the ETA count only this run's work, not what an earlier run already did.
 */
public final class Progress implements AutoCloseable {
    static final long EVERY_MS = 5_000;

    private final String command;
    private final String unit;
    private final LongSupplier total;
    private final LongSupplier done;
    private final long before;
    private final long start = System.nanoTime();
    private final Thread thread;

    private Progress(String command, String unit, LongSupplier total, LongSupplier done, long before) {
        this.command = command;
        this.unit = unit;
        this.total = total;
        this.done = done;
        this.before = before;
        this.thread = new Thread(this::loop, command + "-progress");
        thread.setDaemon(true);
    }

    /**
     * @param total how many units the command will do in all (-1: unknown, no ETA)
     * @param done how many are done so far (earlier runs' included)
     * @param before how many were done before this run started
     */
    public static Progress start(String command, String unit, long total, LongSupplier done, long before) {
        return start(command, unit, () -> total, done, before);
    }

    /** As {@link #start(String, String, long, LongSupplier, long)}, with a total learnt as the command goes. */
    public static Progress start(String command, String unit, LongSupplier total, LongSupplier done, long before) {
        Progress p = new Progress(command, unit, total, done, before);
        p.thread.start();
        return p;
    }

    private void loop() {
        while (true) {
            try {
                Thread.sleep(EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println(line(done.getAsLong(), seconds()));
        }
    }

    /** E.g. "seed: 30 of 60 records (50 %), 2.1 records/s, ETA 14 s". */
    String line(long now, double seconds) {
        long total = this.total.getAsLong();
        double rate = seconds <= 0 ? 0 : (now - before) / seconds;
        StringBuilder b = new StringBuilder(command).append(": ").append(now);
        if (total >= 0)
            b.append(" of ")
                    .append(total)
                    .append(' ')
                    .append(unit)
                    .append(String.format(Locale.ROOT, " (%.0f %%)", total == 0 ? 100.0 : 100.0 * now / total));
        else b.append(' ').append(unit);
        b.append(String.format(Locale.ROOT, ", %.1f %s/s", rate, unit));
        if (total >= 0 && now < total)
            b.append(rate > 0 ? String.format(Locale.ROOT, ", ETA %.0f s", (total - now) / rate) : ", ETA unknown");
        return b.toString();
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
