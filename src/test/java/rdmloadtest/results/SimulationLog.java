package rdmloadtest.results;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gatling 3.15's binary simulation.log, read record by record in file order: the same layout and the same
 * rules as Gatling's own reader (io.gatling.charts.stats.LogFileReader), whose classes are private to Scala.
 * Timestamps are epoch milliseconds.
 */
public final class SimulationLog {
  private static final byte RUN = 0;
  private static final byte REQUEST = 1;
  private static final byte USER = 2;
  private static final byte GROUP = 3;
  private static final byte ERROR = 4;

  public record Header(String gatlingVersion, String simulationClass, long runStart, String description,
                       List<String> scenarios) {}

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
  private final List<User> users;
  private final long injectStart;
  private final long injectEnd;
  private final boolean truncated;

  private SimulationLog(Header header, List<Request> requests, List<User> users, long injectStart, long injectEnd,
                        boolean truncated) {
    this.header = header;
    this.requests = requests;
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
    try (Parser p = new Parser(file)) {
      return p.header();
    }
  }

  public static SimulationLog read(Path file) throws IOException {
    try (Parser p = new Parser(file)) {
      Header h = p.header();
      List<Request> requests = new ArrayList<>();
      List<User> users = new ArrayList<>();
      long start = Long.MAX_VALUE;
      long end = Long.MIN_VALUE;
      boolean truncated = false;
      while (true) {
        int type = p.in.read();
        if (type < 0) break;
        try {
          switch ((byte) type) {
            case USER -> {
              String scenario = h.scenarios().get(p.in.readInt());
              boolean isStart = p.in.readBoolean();
              long ts = p.in.readInt() + h.runStart();
              users.add(new User(scenario, isStart, ts));
              if (isStart) start = Math.min(start, ts);
              end = Math.max(end, ts);
            }
            case REQUEST -> {
              List<String> groups = p.groups();
              String name = p.cachedString();
              long s = p.in.readInt() + h.runStart();
              long e = p.in.readInt() + h.runStart();
              boolean ok = p.in.readBoolean();
              String message = p.cachedString().trim();
              requests.add(new Request(groups, name, s, e, ok, message));
              start = Math.min(start, s);
              end = Math.max(end, e);
            }
            case GROUP -> {
              p.groups();
              long s = p.in.readInt() + h.runStart();
              long e = p.in.readInt() + h.runStart();
              p.in.readInt();
              p.in.readBoolean();
              start = Math.min(start, s);
              end = Math.max(end, e);
            }
            case ERROR -> {
              p.cachedString();
              p.in.readInt();
            }
            default -> throw new IOException(file + ": unsupported record type " + type);
          }
        } catch (EOFException e) {
          truncated = true;
          break;
        }
      }
      if (start == Long.MAX_VALUE) throw new IOException(file + ": no users or requests recorded");
      return new SimulationLog(h, List.copyOf(requests), List.copyOf(users), start, end, truncated);
    }
  }

  private static final class Parser implements AutoCloseable {
    final DataInputStream in;
    final Map<Integer, String> cache = new HashMap<>();
    final Path file;

    Parser(Path file) throws IOException {
      this.file = file;
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    Header header() throws IOException {
      if (in.read() != RUN) throw new IOException(file + ": not a Gatling simulation.log (no run record first)");
      String version = string();
      String cls = string();
      long start = in.readLong();
      String description = string();
      int n = in.readInt();
      List<String> scenarios = new ArrayList<>();
      for (int i = 0; i < n; i++) scenarios.add(sanitize(string()));
      int assertions = in.readInt();
      for (int i = 0; i < assertions; i++) in.skipNBytes(in.readInt());
      return new Header(version, cls, start, description, List.copyOf(scenarios));
    }

    List<String> groups() throws IOException {
      int n = in.readInt();
      if (n == 0) return List.of();
      List<String> g = new ArrayList<>(n);
      for (int i = 0; i < n; i++) g.add(cachedString());
      return List.copyOf(g);
    }

    /** Strings are the JDK's internal bytes plus the coder: 0 Latin-1, 1 UTF-16 in the platform's byte order. */
    String string() throws IOException {
      int len = in.readInt();
      if (len == 0) return "";
      byte[] value = in.readNBytes(len);
      byte coder = in.readByte();
      if (coder == 0) return new String(value, StandardCharsets.ISO_8859_1);
      boolean big = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN;
      return new String(value, big ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
    }

    String cachedString() throws IOException {
      int index = in.readInt();
      if (index >= 0) {
        String s = sanitize(string());
        cache.put(index, s);
        return s;
      }
      String s = cache.get(-index);
      if (s == null) throw new IOException(file + ": cached string " + (-index) + " missing");
      return s;
    }

    private static String sanitize(String s) {
      return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
