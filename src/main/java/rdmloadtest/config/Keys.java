package rdmloadtest.config;

import static rdmloadtest.config.Parsers.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.perf.FaultSpec;
import rdmloadtest.simulator.perf.RateLimiter;

/** Every configuration key, its default and its one-line documentation (the README table mirrors this). */
public final class Keys {
  private Keys() {}

  /** Names we own: an unknown key under one of these is an error, not silently ignored. */
  private static final List<String> PREFIXES =
      List.of("invenio.", "simulator.", "traffic.", "run.", "data.", "slo.", "capacity.", "injector.", "profile.");
  private static final List<String> EXACT = List.of("profile", "baseline");

  private static final List<Key<?>> keys = new ArrayList<>();

  private static <T> Key<T> key(String name, String def, String doc, Function<String, T> parser) {
    Key<T> k = new Key<>(name, def, doc, parser);
    keys.add(k);
    return k;
  }

  // --- run and target -------------------------------------------------------------------------
  public static final Key<String> PROFILE = key("profile", "load",
      "Workload profile: smoke, load, stress, soak or spike (src/main/resources/profiles/<name>.properties).",
      choice("smoke", "load", "stress", "soak", "spike"));
  public static final Key<String> PROFILE_FILE = key("profile.file", null,
      "A .properties file of these keys, applied over the built-in profile.", text());
  public static final Key<java.net.URI> BASE_URL = key("invenio.baseUrl", null,
      "Site URL of the InvenioRDM to test (e.g. https://repo.example.org); absent: the embedded simulator.", baseUrl());
  public static final Key<Boolean> ALLOW_WRITES = key("invenio.allowWrites", "false",
      "Allow deposit journeys (drafts, uploads, publish) against a non-local target.", bool());
  public static final Key<String> INVENIO_VERSION = key("invenio.version", "13",
      "InvenioRDM major version of the target (13 or 14): facets, sorts and vocabularies differ.", choice("13", "14"));
  public static final Key<String> USER_AGENT = key("invenio.userAgent", "rdm-loadtest/0.1 (+Gatling)",
      "User-Agent sent; InvenioRDM's rate limiter keys on User-Agent plus client IP.", text());
  public static final Key<String> DATA_DIR = key("data.dir", "data/default",
      "Directory of the feeders (feeders/*.csv): generated (data/default) or harvested from the target.", text());
  public static final Key<String> DEPOSIT_TEMPLATES = key("data.depositTemplates", "data/default/records.jsonl",
      "Generated records whose metadata and file names the deposit journeys send.", text());

  // --- embedded simulator -----------------------------------------------------------------------
  public static final Key<Integer> SIM_PORT = key("simulator.port", "0",
      "Port of the simulator (0: an ephemeral port when embedded).", integer(0, 65535));
  public static final Key<List<String>> SIM_TOKENS = key("simulator.tokens",
      "rdm-loadtest-token-1,rdm-loadtest-token-2",
      "Bearer tokens the simulator accepts, one user each (users 1, 2, ...).", list());
  public static final Key<List<String>> SIM_ADMIN_TOKENS = key("simulator.adminTokens", "rdm-loadtest-admin",
      "Bearer tokens of administrators (may delete records: tombstones).", list());
  public static final Key<Integer> SIM_WORKERS = key("simulator.workers", "16",
      "Workers of the performance model (like gunicorn processes x threads); requests queue when all are busy.",
      integer(1, 10_000));
  public static final Key<String> SIM_SERVICE_DISTRIBUTION = key("simulator.serviceTime.distribution", "exponential",
      "Service time distribution around each mean: fixed or exponential.", choice("fixed", "exponential"));
  public static final Map<EndpointClass, Key<java.time.Duration>> SIM_SERVICE_TIME = serviceTimes();
  public static final Key<Integer> SIM_BANDWIDTH = key("simulator.bandwidthMBps", "200",
      "Per-request download/upload bandwidth of the model in MB/s (a worker is held while bytes flow).",
      integer(1, 100_000));
  public static final Key<java.time.Duration> SIM_REFRESH = key("simulator.refreshDelay", "1s",
      "Delay before a published record is visible to search (OpenSearch's refresh interval).", duration());
  public static final Key<java.time.Duration> SIM_STATS_INTERVAL = key("simulator.statsInterval", "1h",
      "How often counted API downloads reach records' stats (InvenioRDM aggregates hourly; v14 reindexes every 10 min).",
      duration());
  public static final Key<Boolean> SIM_RATE_LIMIT = key("simulator.rateLimit", "false",
      "Enforce InvenioRDM's rate limits (429 with X-RateLimit-* and Retry-After).", bool());
  public static final Key<List<RateLimiter.Rule>> SIM_RATE_GUEST = key("simulator.rateLimit.guest",
      "5000 per hour;500 per minute",
      "Limit per User-Agent+IP for anonymous callers (RATELIMIT_GUEST_USER).", RateLimiter::parse);
  public static final Key<List<RateLimiter.Rule>> SIM_RATE_AUTH = key("simulator.rateLimit.authenticated",
      "25000 per hour;1000 per minute",
      "Limit per User-Agent+IP for authenticated callers (RATELIMIT_AUTHENTICATED_USER).", RateLimiter::parse);
  public static final Map<EndpointClass, Key<FaultSpec>> SIM_FAULTS = faults();

  private static Map<EndpointClass, Key<java.time.Duration>> serviceTimes() {
    Map<EndpointClass, Key<java.time.Duration>> m = new java.util.EnumMap<>(EndpointClass.class);
    for (EndpointClass c : EndpointClass.values()) {
      m.put(c, key("simulator.serviceTime." + c.id(), c.defaultServiceTime(),
          "Mean service time of one " + c.description() + " request in the performance model.", duration()));
    }
    return Collections.unmodifiableMap(m);
  }

  private static Map<EndpointClass, Key<FaultSpec>> faults() {
    Map<EndpointClass, Key<FaultSpec>> m = new java.util.EnumMap<>(EndpointClass.class);
    for (EndpointClass c : EndpointClass.values()) {
      m.put(c, key("simulator.faults." + c.id(), "none",
          "Faults for " + c.description() + " requests, e.g. error=0.05,spike=0.1@800ms,stall=0.01@30s,reset=0.01.",
          FaultSpec::parse));
    }
    return Collections.unmodifiableMap(m);
  }

  /** All keys in declaration order. Later sections (traffic, SLO, capacity) register through {@link #register}. */
  public static final List<Key<?>> ALL = Collections.unmodifiableList(keys);

  static {
    // Sections with their own key classes register here, so every key is known before validation.
    TrafficKeys.init();
    ResultKeys.init();
    CapacityKeys.init();
  }

  static <T> Key<T> register(String name, String def, String doc, Function<String, T> parser) {
    return key(name, def, doc, parser);
  }

  public static boolean isOwned(String name) {
    return EXACT.contains(name) || PREFIXES.stream().anyMatch(name::startsWith);
  }

  public static Optional<Key<?>> byName(String name) {
    return keys.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** The known key nearest to a typo (case-insensitive match first, then edit distance ≤ 3). */
  public static Optional<String> closest(String name) {
    for (Key<?> k : keys) if (k.name().equalsIgnoreCase(name)) return Optional.of(k.name());
    return keys.stream()
        .map(Key::name)
        .min(Comparator.comparingInt(n -> distance(n, name)))
        .filter(n -> distance(n, name) <= 3);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The README's configuration table, generated so it cannot drift (a test compares). */
  public static String markdownTable() {
    return "| Key (system property / profile) | Environment variable | Default | Meaning |\n|---|---|---|---|\n"
        + keys.stream()
            .map(k -> "| `" + k.name() + "` | `" + k.envName() + "` | "
                + (k.hasDefault() ? "`" + k.defaultValue() + "`" : "—") + " | " + k.doc() + " |")
            .collect(Collectors.joining("\n"))
        + "\n";
  }
}
