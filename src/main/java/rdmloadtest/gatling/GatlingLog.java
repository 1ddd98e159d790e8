package rdmloadtest.gatling;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gatling 3.15's binary simulation.log, every record type, read as a stream and written back: the one place
 * that knows the format. {@link SimulationLog} reads a run for its summary through it; the merge of several
 * injectors' logs (merge/) reads and writes through it.
 * Layout as written by io.gatling.core.stats.writer.LogFileDataWriter: a run record (header), then user (2),
 * request (1), group (3) and error (4) records whose times are int milliseconds after the header's run start,
 * strings after the first use of each replaced by a back reference. All times here are epoch milliseconds.
 */
public final class GatlingLog {
    static final byte RUN = 0;
    static final byte REQUEST = 1;
    static final byte USER = 2;
    static final byte GROUP = 3;
    static final byte ERROR = 4;

    private GatlingLog() {}

    /** The run record; {@code assertions} are Gatling's pickled assertions, kept as bytes. */
    public record Header(
            String gatlingVersion,
            String simulationClass,
            long runStart,
            String description,
            List<String> scenarios,
            List<byte[]> assertions) {}

    /** Receives a log's records in file order. */
    public interface Visitor {
        void user(String scenario, boolean start, long timestamp) throws IOException;

        void request(List<String> groups, String name, long start, long end, boolean ok, String message)
                throws IOException;

        void group(List<String> groups, long start, long end, int cumulatedResponseTime, boolean ok) throws IOException;

        void error(String message, long timestamp) throws IOException;
    }

    /** Passes every record on to {@code to} with its times moved by {@code ms} (clock alignment, merges). */
    public static Visitor shifted(Visitor to, long ms) {
        return new Visitor() {
            @Override
            public void user(String scenario, boolean start, long timestamp) throws IOException {
                to.user(scenario, start, timestamp + ms);
            }

            @Override
            public void request(List<String> groups, String name, long start, long end, boolean ok, String message)
                    throws IOException {
                to.request(groups, name, start + ms, end + ms, ok, message);
            }

            @Override
            public void group(List<String> groups, long start, long end, int cumulated, boolean ok) throws IOException {
                to.group(groups, start + ms, end + ms, cumulated, ok);
            }

            @Override
            public void error(String message, long timestamp) throws IOException {
                to.error(message, timestamp + ms);
            }
        };
    }

    /** A run's span as Gatling's reader takes it: from the first user or request start to the last end. */
    public static final class Span {
        private long start = Long.MAX_VALUE;
        private long end = Long.MIN_VALUE;

        public void user(boolean isStart, long timestamp) {
            if (isStart) start = Math.min(start, timestamp);
            end = Math.max(end, timestamp);
        }

        /** A request or group record. */
        public void interval(long from, long to) {
            start = Math.min(start, from);
            end = Math.max(end, to);
        }

        public boolean isEmpty() {
            return start == Long.MAX_VALUE;
        }

        public long start() {
            return start;
        }

        public long end() {
            return end;
        }
    }

    public static Header readHeader(Path file) throws IOException {
        try (Reader r = new Reader(file)) {
            return r.header();
        }
    }

    /**
     * Streams every record to the visitor.
     *
     * @return true when the file ends inside a record (the injector was killed mid-write); the records before count
     */
    public static boolean read(Path file, Visitor v) throws IOException {
        try (Reader r = new Reader(file)) {
            Header h = r.header();
            long t0 = h.runStart();
            while (true) {
                int type = r.in.read();
                if (type < 0) return false;
                try {
                    switch ((byte) type) {
                        case USER -> {
                            String scenario = h.scenarios().get(r.in.readInt());
                            boolean start = r.in.readBoolean();
                            v.user(scenario, start, t0 + r.in.readInt());
                        }
                        case REQUEST -> {
                            List<String> groups = r.groups();
                            String name = r.cached();
                            long start = t0 + r.in.readInt();
                            long end = t0 + r.in.readInt();
                            boolean ok = r.in.readBoolean();
                            v.request(groups, name, start, end, ok, r.cached());
                        }
                        case GROUP -> {
                            List<String> groups = r.groups();
                            long start = t0 + r.in.readInt();
                            long end = t0 + r.in.readInt();
                            int cumulated = r.in.readInt();
                            v.group(groups, start, end, cumulated, r.in.readBoolean());
                        }
                        case ERROR -> {
                            String message = r.cached();
                            v.error(message, t0 + r.in.readInt());
                        }
                        default ->
                            throw new IOException(
                                    file + ": unknown record type " + type + " (not a Gatling 3.15 log?)");
                    }
                } catch (EOFException e) {
                    return true;
                }
            }
        }
    }

    private static final class Reader implements AutoCloseable {
        final DataInputStream in;
        final Map<Integer, String> cache = new HashMap<>();
        final Path file;

        Reader(Path file) throws IOException {
            this.file = file;
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        }

        Header header() throws IOException {
            if (in.read() != RUN) throw new IOException(file + ": not a Gatling simulation.log (no run record first)");
            String version = string();
            String simulation = string();
            long start = in.readLong();
            String description = string();
            int n = in.readInt();
            List<String> scenarios = new ArrayList<>(n);
            for (int i = 0; i < n; i++) scenarios.add(string());
            int a = in.readInt();
            List<byte[]> assertions = new ArrayList<>(a);
            for (int i = 0; i < a; i++) assertions.add(in.readNBytes(in.readInt()));
            return new Header(version, simulation, start, description, List.copyOf(scenarios), List.copyOf(assertions));
        }

        List<String> groups() throws IOException {
            int n = in.readInt();
            if (n == 0) return List.of();
            List<String> g = new ArrayList<>(n);
            for (int i = 0; i < n; i++) g.add(cached());
            return g;
        }

        /** The JDK's internal bytes of the string and its coder: 0 Latin-1, 1 UTF-16 in the platform's byte order. */
        String string() throws IOException {
            int len = in.readInt();
            if (len == 0) return "";
            byte[] value = in.readNBytes(len);
            if (value.length < len) throw new EOFException();
            int coder = in.readByte();
            return coder == 0 ? new String(value, StandardCharsets.ISO_8859_1) : new String(value, utf16());
        }

        String cached() throws IOException {
            int index = in.readInt();
            if (index >= 0) {
                String s = string();
                cache.put(index, s);
                return s;
            }
            String s = cache.get(-index);
            if (s == null)
                throw new IOException(file + ": string back reference " + (-index) + " before its definition");
            return s;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static Charset utf16() {
        return ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
    }

    /** Writes a log that Gatling's own reader (reports-only mode) and results/SimulationLog both read. */
    public static final class Writer implements Visitor, AutoCloseable {
        private final DataOutputStream out;
        private final Map<String, Integer> cache = new HashMap<>();
        private final Map<String, Integer> scenarioIndex = new HashMap<>();
        private final long runStart;
        private int nextIndex = 1;

        public Writer(Path file, Header h) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            this.runStart = h.runStart();
            out.writeByte(RUN);
            string(h.gatlingVersion());
            string(h.simulationClass());
            out.writeLong(h.runStart());
            string(h.description());
            out.writeInt(h.scenarios().size());
            for (String s : h.scenarios()) {
                scenarioIndex.put(s, scenarioIndex.size());
                string(s);
            }
            out.writeInt(h.assertions().size());
            for (byte[] a : h.assertions()) {
                out.writeInt(a.length);
                out.write(a);
            }
        }

        @Override
        public void user(String scenario, boolean start, long timestamp) throws IOException {
            Integer i = scenarioIndex.get(scenario);
            if (i == null) throw new IOException("scenario '" + scenario + "' is not in the merged header");
            out.writeByte(USER);
            out.writeInt(i);
            out.writeBoolean(start);
            out.writeInt(offset(timestamp));
        }

        @Override
        public void request(List<String> groups, String name, long start, long end, boolean ok, String message)
                throws IOException {
            out.writeByte(REQUEST);
            groups(groups);
            cached(name);
            out.writeInt(offset(start));
            out.writeInt(offset(end));
            out.writeBoolean(ok);
            cached(message);
        }

        @Override
        public void group(List<String> groups, long start, long end, int cumulatedResponseTime, boolean ok)
                throws IOException {
            out.writeByte(GROUP);
            groups(groups);
            out.writeInt(offset(start));
            out.writeInt(offset(end));
            out.writeInt(cumulatedResponseTime);
            out.writeBoolean(ok);
        }

        @Override
        public void error(String message, long timestamp) throws IOException {
            out.writeByte(ERROR);
            cached(message);
            out.writeInt(offset(timestamp));
        }

        private int offset(long timestamp) throws IOException {
            long d = timestamp - runStart;
            if (d < 0 || d > Integer.MAX_VALUE) throw new IOException("time " + timestamp + " outside the merged run");
            return (int) d;
        }

        private void groups(List<String> groups) throws IOException {
            out.writeInt(groups.size());
            for (String g : groups) cached(g);
        }

        private void cached(String s) throws IOException {
            Integer i = cache.get(s);
            if (i != null) {
                out.writeInt(-i);
                return;
            }
            cache.put(s, nextIndex);
            out.writeInt(nextIndex++);
            string(s);
        }

        private void string(String s) throws IOException {
            if (s.isEmpty()) {
                out.writeInt(0);
                return;
            }
            boolean latin1 = s.chars().allMatch(c -> c <= 0xFF);
            byte[] value = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : utf16());
            out.writeInt(value.length);
            out.write(value);
            out.writeByte(latin1 ? 0 : 1);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
