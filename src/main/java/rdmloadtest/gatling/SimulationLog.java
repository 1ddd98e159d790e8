package rdmloadtest.gatling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run as its summary needs it: Gatling 3.15's binary simulation.log read (through {@link GatlingLog}) in file
 * order, with the rules of Gatling's own reader (io.gatling.charts.stats.LogFileReader), whose classes are
 * private to Scala. Timestamps are epoch milliseconds.
 */
public final class SimulationLog {
    public record Header(
            String gatlingVersion, String simulationClass, long runStart, String description, List<String> scenarios) {}

    /** One response; {@code path} is the Gatling group hierarchy and the name, as the report shows it. */
    public record Request(List<String> groups, String name, long start, long end, boolean ok, String message) {
        public int responseTime() {
            return (int) (end - start);
        }

        public String path() {
            return groups.isEmpty() ? name : String.join(" / ", groups) + " / " + name;
        }
    }

    public record User(String scenario, boolean start, long timestamp) {}

    private final Header header;
    private final List<Request> requests;
    private final List<Request> spans;
    private final List<User> users;
    private final long injectStart;
    private final long injectEnd;
    private final boolean truncated;

    private SimulationLog(
            Header header,
            List<Request> requests,
            List<Request> spans,
            List<User> users,
            long injectStart,
            long injectEnd,
            boolean truncated) {
        this.header = header;
        this.requests = requests;
        this.spans = spans;
        this.users = users;
        this.injectStart = injectStart;
        this.injectEnd = injectEnd;
        this.truncated = truncated;
    }

    public Header header() {
        return header;
    }

    /** Responses in file order (Gatling's percentiles depend on the order values are added). */
    public List<Request> requests() {
        return requests;
    }

    /**
     * Gatling groups as measured spans, in file order: named after the group, from its entry to its exit (pauses
     * included), KO if a request in it failed or the session was marked failed in it. Not requests: no total counts
     * them.
     */
    public List<Request> spans() {
        return spans;
    }

    public List<User> users() {
        return users;
    }

    /** First user or request start: Gatling's time origin for rates and charts. */
    public long injectStart() {
        return injectStart;
    }

    /** Last user or request end. */
    public long injectEnd() {
        return injectEnd;
    }

    /** Whole seconds between start and end, rounded up: the denominator of Gatling's "mean throughput (rps)". */
    public long durationSeconds() {
        return (long) Math.ceil((injectEnd - injectStart) / 1000.0);
    }

    public boolean truncated() {
        return truncated;
    }

    /** Only the header (fast): used to find a run's folder. */
    public static Header readHeader(Path file) throws IOException {
        return header(GatlingLog.readHeader(file));
    }

    public static SimulationLog read(Path file) throws IOException {
        Collector c = new Collector();
        boolean truncated = GatlingLog.read(file, c);
        if (c.span.isEmpty()) throw new IOException(file + ": no users or requests recorded");
        return new SimulationLog(
                header(GatlingLog.readHeader(file)),
                List.copyOf(c.requests),
                List.copyOf(c.spans),
                List.copyOf(c.users),
                c.span.start(),
                c.span.end(),
                truncated);
    }

    private static Header header(GatlingLog.Header h) {
        return new Header(
                h.gatlingVersion(),
                h.simulationClass(),
                h.runStart(),
                h.description(),
                h.scenarios().stream().map(SimulationLog::sanitize).toList());
    }

    /** Gatling's reader turns line breaks and tabs in names into spaces; so do we. */
    private static String sanitize(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** Keeps what a summary needs, in file order, and the first start and last end of the run. */
    private static final class Collector implements GatlingLog.Visitor {
        final List<Request> requests = new ArrayList<>();
        final List<Request> spans = new ArrayList<>();
        final List<User> users = new ArrayList<>();
        final GatlingLog.Span span = new GatlingLog.Span();

        @Override
        public void user(String scenario, boolean isStart, long ts) {
            users.add(new User(sanitize(scenario), isStart, ts));
            span.user(isStart, ts);
        }

        @Override
        public void request(List<String> groups, String name, long s, long e, boolean ok, String message) {
            requests.add(new Request(
                    groups.stream().map(SimulationLog::sanitize).toList(),
                    sanitize(name),
                    s,
                    e,
                    ok,
                    sanitize(message).trim()));
            span.interval(s, e);
        }

        @Override
        public void group(List<String> groups, long s, long e, int cumulatedResponseTime, boolean ok) {
            List<String> path = groups.stream().map(SimulationLog::sanitize).toList();
            spans.add(new Request(path.subList(0, path.size() - 1), path.get(path.size() - 1), s, e, ok, ""));
            span.interval(s, e);
        }

        @Override
        public void error(String message, long timestamp) {
            // errors are counted from the requests' messages
        }
    }
}
