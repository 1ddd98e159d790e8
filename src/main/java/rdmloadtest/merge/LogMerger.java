package rdmloadtest.merge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import rdmloadtest.gatling.GatlingLog;

/**
 * Merges the simulation.log of every injector of a run into one simulation.log, record by record, so that
 * Gatling's report and our summary read the pooled raw responses (never averaged percentiles).
 *
 * <p>Clocks: response times are end minus start on one pod's clock, so skew never touches them; it moves only
 * where each injector's records sit on the merged timeline. {@link Align#START} (the default) shifts every log so
 * that its first user start lands on the earliest one: each injector's own ramp and warm-up coincide, whatever
 * the pods' clocks say and however late a pod was scheduled. {@link Align#CLOCK} keeps the pods' wall clocks
 * (right when the nodes are NTP-synced and the pods' real start offsets matter).
 */
final class LogMerger {

    enum Align {
        START,
        CLOCK;

        static Align parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("merge.align='" + s + "': expected start or clock");
            }
        }
    }

    /** One injector's log. */
    record Input(String label, Path log) {}

    /** What one injector contributed; times are epoch ms by its own clock, {@code shiftMs} what the merge added. */
    record Contribution(
            String label,
            Path log,
            String simulation,
            String gatlingVersion,
            long runStart,
            long injectStart,
            long injectEnd,
            long shiftMs,
            long requests,
            long ok,
            long ko,
            long usersStarted,
            boolean truncated) {}

    record Result(Align align, long runStart, List<Contribution> injectors) {
        long requests() {
            return injectors.stream().mapToLong(Contribution::requests).sum();
        }
    }

    private LogMerger() {}

    static Result merge(List<Input> inputs, Path out, Align align) throws IOException {
        if (inputs.isEmpty()) throw new IOException("no simulation.log to merge");
        List<Scan> scans = new ArrayList<>();
        for (Input in : inputs) scans.add(Scan.of(in));
        Scan first = scans.get(0);
        for (Scan s : scans) {
            if (!s.header.simulationClass().equals(first.header.simulationClass())) {
                throw new IOException("injectors ran different simulations: " + first.input.label() + " ran "
                        + first.header.simulationClass() + ", " + s.input.label() + " ran "
                        + s.header.simulationClass());
            }
            if (!s.header.gatlingVersion().equals(first.header.gatlingVersion())) {
                throw new IOException("injectors ran different Gatling versions: " + first.header.gatlingVersion()
                        + " (" + first.input.label() + ") and " + s.header.gatlingVersion() + " (" + s.input.label()
                        + ")");
            }
        }
        long origin = scans.stream().mapToLong(s -> s.span.start()).min().orElseThrow();
        long[] shift = new long[scans.size()];
        long runStart = Long.MAX_VALUE;
        Set<String> scenarios = new LinkedHashSet<>();
        for (int i = 0; i < scans.size(); i++) {
            Scan s = scans.get(i);
            shift[i] = align == Align.START ? origin - s.span.start() : 0;
            runStart = Math.min(runStart, s.header.runStart() + shift[i]);
            scenarios.addAll(s.header.scenarios());
        }
        // Every injector runs the same simulation, so the first one's assertions stand for all (Gatling re-checks
        // them on the merged data in reports-only mode).
        GatlingLog.Header header = new GatlingLog.Header(
                first.header.gatlingVersion(),
                first.header.simulationClass(),
                runStart,
                "merged from " + scans.size() + " injectors",
                List.copyOf(scenarios),
                first.header.assertions());
        try (GatlingLog.Writer w = new GatlingLog.Writer(out, header)) {
            for (int i = 0; i < scans.size(); i++)
                GatlingLog.read(scans.get(i).input.log(), GatlingLog.shifted(w, shift[i]));
        }
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            Scan s = scans.get(i);
            contributions.add(new Contribution(
                    s.input.label(),
                    s.input.log(),
                    s.header.simulationClass(),
                    s.header.gatlingVersion(),
                    s.header.runStart(),
                    s.span.start(),
                    s.span.end(),
                    shift[i],
                    s.requests,
                    s.ok,
                    s.ko,
                    s.usersStarted,
                    s.truncated));
        }
        return new Result(align, runStart, List.copyOf(contributions));
    }

    /** First pass over one log: its header, counts and time span (first user or request start, as Gatling's). */
    private static final class Scan implements GatlingLog.Visitor {
        final Input input;
        GatlingLog.Header header;
        final GatlingLog.Span span = new GatlingLog.Span();
        long requests;
        long ok;
        long ko;
        long usersStarted;
        boolean truncated;

        private Scan(Input input) {
            this.input = input;
        }

        static Scan of(Input in) throws IOException {
            Scan s = new Scan(in);
            s.header = GatlingLog.readHeader(in.log());
            s.truncated = GatlingLog.read(in.log(), s);
            if (s.span.isEmpty()) throw new IOException(in.log() + ": no users or requests recorded");
            return s;
        }

        @Override
        public void user(String scenario, boolean start, long timestamp) {
            if (start) usersStarted++;
            span.user(start, timestamp);
        }

        @Override
        public void request(List<String> groups, String name, long start, long end, boolean ok, String message) {
            requests++;
            if (ok) this.ok++;
            else ko++;
            span.interval(start, end);
        }

        @Override
        public void group(List<String> groups, long start, long end, int cumulated, boolean ok) {
            span.interval(start, end);
        }

        @Override
        public void error(String message, long timestamp) {}
    }
}
