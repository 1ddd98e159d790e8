package rdmloadtest.live;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import rdmloadtest.config.Settings;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.slo.Slo;
import rdmloadtest.slo.SloGroup;

/**
 * A run as it goes, in the injector's JVM: every request sent and every answer (told by the HTTP protocol's hooks),
 * per SLO group, a line every progress.interval, and the stop conditions judged every second. When one fires, the
 * simulations' scenarios stop the load generator (see {@link #stopRequested()}) and the verdict says why.
 *
 * <p>Gatling's own simulation.log cannot serve here: it reaches the disk only in 8 KB blocks, minutes late at a few
 * requests per second. The answers seen here are HTTP answers; a request without one (refused, timed out) shows as
 * sent and not answered.
 */
public final class LiveRun implements AutoCloseable {
    static final String OTHER = "(no SLO group)";

    private static volatile LiveRun current;
    private static volatile PrintStream echo;
    private static volatile String echoPrefix = "";

    /**
     * A stop condition that fired; {@code targetDown}: the target stopped answering (a verdict on the target, whatever
     * the injector's health).
     */
    public record Abort(String condition, long atEpochMs, long afterSeconds, boolean targetDown) {
        public String message() {
            return "ABORTED at t+" + afterSeconds + " s (" + Instant.ofEpochMilli(atEpochMs) + "): " + condition;
        }
    }

    private final Map<String, Window> groups = new LinkedHashMap<>();
    private final Map<String, Window> byName = new ConcurrentHashMap<>();
    private final Slo slo;
    private final StopConditions stop;
    private final int intervalS;
    private final long plannedS;
    private final PrintStream out;
    private final AtomicLong firstSent = new AtomicLong(-1);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private volatile Abort abort;
    private long ticks;
    private final TargetWatch watch;

    private LiveRun(Slo slo, StopConditions stop, int intervalS, long plannedS, PrintStream out, TargetWatch watch) {
        this.slo = slo;
        this.stop = stop;
        this.watch = watch;
        this.intervalS = intervalS;
        this.plannedS = plannedS;
        this.out = out;
        int ring = Math.max(stop.horizonSeconds(), intervalS + 2);
        for (SloGroup g : slo.groups()) groups.put(g.name(), new Window(ring));
        groups.put(OTHER, new Window(ring));
        if (intervalS == 0 && !stop.any() && watch == null) {
            ticker = null;
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rdm-loadtest-live");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * The live view of the run about to start in this JVM (it replaces the previous one). Bad stop conditions stop
     * here, before any load.
     *
     * @param planned how long the run is planned to last (zero when unknown)
     */
    public static LiveRun start(Settings s, Slo slo, Duration planned) {
        return start(s, slo, planned, null);
    }

    /** Checks the live view's keys (the stop conditions against the SLO file's groups) without starting it. */
    public static void check(Settings s, Slo slo) {
        StopConditions.from(s, slo.groups().stream().map(SloGroup::name).collect(Collectors.toSet()));
        s.get(LiveKeys.PROGRESS_INTERVAL);
        s.get(LiveKeys.ABORT_UNREACHABLE);
    }

    /** @param siteUrl the target, watched for answers (abort.unreachableAfter); null: not watched */
    public static LiveRun start(Settings s, Slo slo, Duration planned, String siteUrl) {
        StopConditions stop =
                StopConditions.from(s, slo.groups().stream().map(SloGroup::name).collect(Collectors.toSet()));
        Duration interval = s.get(LiveKeys.PROGRESS_INTERVAL);
        Duration unreachable = s.get(LiveKeys.ABORT_UNREACHABLE);
        TargetWatch watch = siteUrl == null || unreachable.isZero()
                ? null
                : new TargetWatch(siteUrl, unreachable, s.get(InvenioKeys.INSECURE_TLS));
        LiveRun r = new LiveRun(slo, stop, (int) interval.toSeconds(), planned.toSeconds(), System.out, watch);
        if (stop.any()) r.print("rdm-loadtest: stop conditions: " + stop.describe());
        current = r;
        return r;
    }

    /** The live view of the run in progress, or of the last one in this JVM. */
    public static Optional<LiveRun> current() {
        return Optional.ofNullable(current);
    }

    /** Where the next runs' lines go instead of the console (the capacity search: its own console, a step prefix). */
    public static void echoTo(PrintStream to, String prefix) {
        echo = to;
        echoPrefix = prefix == null ? "" : prefix;
    }

    /** Whether the load must stop now: read by every scenario of the simulations as its first step. */
    public static boolean stopRequested() {
        LiveRun r = current;
        return r != null && r.abort != null;
    }

    public static String stopMessage() {
        LiveRun r = current;
        return r == null || r.abort == null ? "" : "rdm-loadtest " + r.abort.message();
    }

    /** HTTP answers seen so far. */
    public long answeredCount() {
        return answered.get();
    }

    public Optional<Abort> abort() {
        return Optional.ofNullable(abort);
    }

    /** A request is about to be sent. */
    public void sent(String requestName) {
        long now = System.currentTimeMillis();
        firstSent.compareAndSet(-1, now);
        sent.incrementAndGet();
        window(requestName).sent(now / 1000);
    }

    /** An HTTP answer came; {@code startMs} is when its request was sent. */
    public void answered(String requestName, long startMs, long endMs, int status) {
        answered.incrementAndGet();
        if (watch != null) watch.answered(endMs, status);
        window(requestName).answered(startMs / 1000, endMs - startMs, status >= 500 || status == 429);
    }

    private Window window(String requestName) {
        return byName.computeIfAbsent(
                requestName, n -> slo.groupOf(n).map(g -> groups.get(g.name())).orElse(groups.get(OTHER)));
    }

    private synchronized void tick() {
        try {
            long nowMs = System.currentTimeMillis();
            // A refused connection is never signed: a dead target may leave nothing "sent" at all.
            long first = firstSent.get() >= 0 ? firstSent.get() : watch != null ? watch.startedMs : -1;
            if (first < 0 || abort != null) return;
            long now = nowMs / 1000;
            long elapsed = (nowMs - first) / 1000;
            ticks++;
            Optional<String> down = watch == null ? Optional.empty() : watch.down(nowMs, first);
            if (down.isPresent()) {
                abort = new Abort(down.get(), nowMs, elapsed, true);
                print("rdm-loadtest: " + abort.message() + "; stopping the load");
                return;
            }
            Optional<String> fired = stop.check(now, elapsed, groups);
            if (fired.isPresent()) {
                abort = new Abort(fired.get(), nowMs, elapsed, false);
                print("rdm-loadtest: " + abort.message() + "; stopping the load");
                return;
            }
            if (intervalS > 0 && ticks % intervalS == 0) print(line(now, elapsed));
        } catch (RuntimeException e) {
            print("rdm-loadtest: live view: " + e);
        }
    }

    /** Per group with traffic, over the last full interval: sent/s, p95 of the answers so far, server errors. */
    private String line(long now, long elapsed) {
        StringBuilder b = new StringBuilder("live t+").append(elapsed).append(" s");
        if (plannedS > 0) b.append(" of ").append(plannedS);
        b.append(':');
        boolean anyGroup = false;
        for (Map.Entry<String, Window> e : groups.entrySet()) {
            Window.Tally t = e.getValue().over(now - intervalS, now - 1);
            if (t.sent == 0 && t.answered == 0) continue;
            anyGroup = true;
            double p95 = t.p95();
            b.append(String.format(
                    Locale.ROOT,
                    " %s %.1f/s p95 %s 5xx %s |",
                    e.getKey(),
                    t.sent / (double) intervalS,
                    Double.isNaN(p95) ? "-" : String.format(Locale.ROOT, "%.0f ms", p95),
                    t.answered == 0
                            ? "-"
                            : String.format(Locale.ROOT, "%.1f %%", 100.0 * t.serverErrors / t.answered)));
        }
        if (!anyGroup) b.append(" nothing sent |");
        b.append(" in flight ").append(Math.max(0, sent.get() - answered.get()));
        return b.toString();
    }

    private void print(String line) {
        PrintStream to = echo;
        if (to != null) to.println(echoPrefix + line);
        else out.println(line);
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Stops the ticker; the abort, if one fired, stays readable. */
    @Override
    public void close() {
        if (ticker != null) ticker.shutdownNow();
    }
}
