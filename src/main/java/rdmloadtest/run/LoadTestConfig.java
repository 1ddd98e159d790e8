package rdmloadtest.run;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigKeys;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Environment;
import rdmloadtest.config.Key;
import rdmloadtest.config.Settings;
import rdmloadtest.config.Token;
import rdmloadtest.config.WebLogin;
import rdmloadtest.feeders.DataKeys;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.mix.Journey;
import rdmloadtest.simulator.SimulatorKeys;
import rdmloadtest.simulator.SimulatorSettings;

/**
 * The one typed configuration of a run, read and validated before any load: target, safety switches,
 * the traffic mix, the run's shape and (when no target is given) the embedded simulator's settings.
 */
public record LoadTestConfig(
        Target target,
        Data data,
        Shape shape,
        Traffic traffic,
        SimulatorSettings simulator,
        Shard shard,
        Settings settings) {

    /** The instance under test (absent base URL: the embedded simulator) and who writes to it. */
    public record Target(
            Optional<URI> baseUrl,
            boolean allowWrites,
            String invenioVersion,
            String userAgent,
            List<Token> tokens,
            List<WebLogin> webLogins) {}

    /** The feeders and the records the deposit journeys take as templates. */
    public record Data(Path dataDir, Path depositTemplates) {}

    /** The run's profile, identity and length. */
    public record Shape(
            String profile,
            String runId,
            Duration duration,
            Duration rampUp,
            Duration maxDuration,
            int stressSteps,
            double spikeFactor) {}

    public Optional<URI> baseUrl() {
        return target.baseUrl();
    }

    public boolean allowWrites() {
        return target.allowWrites();
    }

    public String invenioVersion() {
        return target.invenioVersion();
    }

    public String userAgent() {
        return target.userAgent();
    }

    public List<Token> tokens() {
        return target.tokens();
    }

    /** Logins for the web form: simulator.webUsers when embedded, INVENIO_WEB_USERS for a real target. */
    public List<WebLogin> webLogins() {
        return target.webLogins();
    }

    public Path dataDir() {
        return data.dataDir();
    }

    public Path depositTemplates() {
        return data.depositTemplates();
    }

    public String profile() {
        return shape.profile();
    }

    public String runId() {
        return shape.runId();
    }

    public Duration duration() {
        return shape.duration();
    }

    public Duration rampUp() {
        return shape.rampUp();
    }

    public Duration maxDuration() {
        return shape.maxDuration();
    }

    public int stressSteps() {
        return shape.stressSteps();
    }

    public double spikeFactor() {
        return shape.spikeFactor();
    }

    /**
     * Injector i of n: it sends 1/n of every arrival rate, its share of every closed population, and
     * owns the deposit templates, tokens and harvest range that no other injector uses.
     */
    public record Shard(int index, int count) {
        public double rate(double total) {
            return total / count;
        }

        public int users(int total) {
            return total / count + (index < total % count ? 1 : 0);
        }

        public boolean owns(long item) {
            return item % count == index;
        }

        public <T> List<T> slice(List<T> items) {
            if (items.size() < count) return items;
            List<T> mine = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) if (owns(i)) mine.add(items.get(i));
            return mine;
        }
    }

    /** The traffic mix: readers (open model), depositors and harvesters (closed models). */
    public record Traffic(Readers readers, Depositors depositors, Harvesters harvesters, Crawlers crawlers) {
        static Traffic from(Settings s) {
            Weights weights = Weights.from(s);
            Readers readers = new Readers(
                    s.get(RunKeys.READERS_RATE),
                    weights,
                    s.get(RunKeys.VIEW_DOWNLOAD_P),
                    s.get(RunKeys.ZIPF),
                    s.get(RunKeys.MAX_DOWNLOAD_MB) * 1_000_000L,
                    SearchShape.from(s),
                    Web.from(s));
            Depositors depositors = new Depositors(
                    s.get(Journey.DEPOSIT.key()),
                    s.get(RunKeys.DEPOSITOR_PAUSE),
                    // Never above what the target accepts in one request (a 413 would be the toolkit's fault).
                    Math.min(s.get(RunKeys.MAX_UPLOAD_MB) * 1_000_000L, s.get(InvenioKeys.MAX_UPLOAD) - 1),
                    s.get(RunKeys.NEW_VERSION_P),
                    s.get(RunKeys.EDIT_P),
                    s.get(RunKeys.ABANDON_P),
                    new Searchable(
                            s.get(RunKeys.SEARCHABLE_TIMEOUT),
                            s.get(RunKeys.SEARCHABLE_FIRST_POLL),
                            s.get(RunKeys.SEARCHABLE_STEADY_FOR),
                            s.get(RunKeys.SEARCHABLE_MAX_POLL)));
            Harvesters harvesters = new Harvesters(
                    s.get(Journey.HARVEST.key()),
                    s.get(Journey.HARVEST.rate().orElseThrow()),
                    s.get(RunKeys.HARVEST_PAGES),
                    s.get(RunKeys.HARVEST_PAUSE));
            Crawlers crawlers = new Crawlers(
                    s.get(Journey.CRAWL.key()),
                    s.get(Journey.CRAWL.rate().orElseThrow()),
                    s.get(RunKeys.CRAWL_PAGES),
                    s.get(RunKeys.CRAWL_EXPORTS),
                    s.get(RunKeys.CRAWL_PAUSE),
                    s.get(RunKeys.CRAWL_USER_AGENT));
            return new Traffic(readers, depositors, harvesters, crawlers);
        }

        Traffic withoutUploads() {
            Readers r = readers;
            return new Traffic(
                    new Readers(
                            r.rate(),
                            r.weights().without(Journey.UPLOADS),
                            r.viewDownloadProbability(),
                            r.zipfExponent(),
                            r.maxDownloadBytes(),
                            r.search(),
                            r.web()),
                    depositors,
                    harvesters,
                    crawlers);
        }
    }

    /** Relative weights of the reader journeys (the catalogue's rows with a weight), in catalogue order. */
    public record Weights(Map<Journey, Integer> byJourney) {
        public Weights {
            Map<Journey, Integer> copy = new EnumMap<>(Journey.class);
            copy.putAll(byJourney);
            byJourney = Collections.unmodifiableMap(copy);
        }

        static Weights from(Settings s) {
            Map<Journey, Integer> w = new EnumMap<>(Journey.class);
            for (Journey j : Journey.readers()) w.put(j, s.get(j.key()));
            return new Weights(w);
        }

        public int of(Journey j) {
            return byJourney.getOrDefault(j, 0);
        }

        public int total() {
            return byJourney.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The same weights with one journey left out (logged-in web sessions on a target without web users). */
        Weights without(Journey left) {
            Map<Journey, Integer> w = new EnumMap<>(Journey.class);
            w.putAll(byJourney);
            w.put(left, 0);
            return new Weights(w);
        }
    }

    public record Readers(
            double rate,
            Weights weights,
            double viewDownloadProbability,
            double zipfExponent,
            long maxDownloadBytes,
            SearchShape search,
            Web web) {}

    /**
     * How web sessions browse: static files (each loaded once per session, at most {@code staticFilesPerSession}, 0
     * for all), pages per visit (0: the journey's own), what a landing page leads to, IIIF tiles per image view.
     */
    public record Web(
            boolean staticFiles,
            int staticFilesPerSession,
            double pagesPerVisit,
            double citationsPerLanding,
            double exportProbability,
            double previewProbability,
            int iiifTiles) {
        static Web from(Settings s) {
            return new Web(
                    s.get(RunKeys.WEB_STATIC_FILES),
                    s.get(RunKeys.WEB_STATIC_PER_SESSION),
                    s.get(RunKeys.WEB_PAGES_PER_VISIT),
                    s.get(RunKeys.LANDING_CITATIONS),
                    s.get(RunKeys.LANDING_EXPORT_P),
                    s.get(RunKeys.LANDING_PREVIEW_P),
                    s.get(RunKeys.IIIF_TILES));
        }
    }

    public record Depositors(
            int count,
            Duration pause,
            long maxUploadBytes,
            double newVersionProbability,
            double editProbability,
            double abandonProbability,
            Searchable searchable) {}

    /**
     * How a depositor measures time to searchable: polls for the record just published every {@code firstPoll}
     * during the first {@code steadyFor}, then each wait doubling up to {@code maxPoll}, for at most {@code timeout}
     * (zero: not measured). A doubling from the start made the figure a step function of the polls (found at 1.75 s
     * for a record searchable after 1 s).
     */
    public record Searchable(Duration timeout, Duration firstPoll, Duration steadyFor, Duration maxPoll) {
        public boolean measured() {
            return !timeout.isZero();
        }

        /** The wait before the next poll, {@code elapsedMs} after the publish answer, the last wait {@code waitMs}. */
        public long nextWaitMs(long elapsedMs, long waitMs) {
            if (elapsedMs < steadyFor.toMillis()) return firstPoll.toMillis();
            return Math.min(maxPoll.toMillis(), Math.max(firstPoll.toMillis(), 2 * waitMs));
        }
    }

    /** Concurrent harvesters (closed model) and harvests started per second (open model). */
    public record Harvesters(int count, double rate, int maxPages, Duration pause) {}

    /**
     * Concurrent crawlers (closed model) and crawler sessions started per second (open model); each session opens
     * {@code pages} landing pages and {@code exportsPerPage} exports after each, {@code pause} apart unless robots.txt
     * sets a Crawl-delay.
     */
    public record Crawlers(int count, double rate, int pages, int exportsPerPage, Duration pause, String userAgent) {}

    public static LoadTestConfig load() {
        return from(new Settings(ConfigSource.fromProcess()), Environment.all());
    }

    public static LoadTestConfig from(Settings s, Map<String, String> env) {
        Optional<URI> baseUrl = s.find(InvenioKeys.BASE_URL);
        Path dataDir = Path.of(s.get(DataKeys.DATA_DIR));
        if (!Files.isDirectory(dataDir)) {
            throw new ConfigException(
                    DataKeys.DATA_DIR.name() + "='" + dataDir + "': no such directory; expected feeders"
                            + " (feeders/*.csv) generated (data/default) or harvested from the target");
        }
        int index = s.get(RunKeys.INJECTOR_INDEX);
        int count = s.get(RunKeys.INJECTOR_COUNT);
        if (index >= count) {
            throw new ConfigException(RunKeys.INJECTOR_INDEX.name() + "='" + index + "': expected an index below"
                    + " injector.count (" + count + ")");
        }
        Shard shard = new Shard(index, count);
        List<Token> tokens = shard.slice(
                tokens(baseUrl.isPresent(), s, env).stream().map(Token::new).toList());
        Traffic traffic = Traffic.from(s);
        List<WebLogin> webLogins = shard.slice(webLogins(baseUrl.isPresent(), s, env));
        Key<Integer> uploads = Journey.UPLOADS.key();
        if (traffic.readers().weights().of(Journey.UPLOADS) > 0 && webLogins.isEmpty()) {
            if (s.source().get(uploads.name()).isPresent()) {
                throw new ConfigException(uploads.name() + "='"
                        + traffic.readers().weights().of(Journey.UPLOADS)
                        + "': logged-in web sessions need logins; expected"
                        + " INVENIO_WEB_USERS=email:password[,email:password...] in the environment, or 0");
            }
            System.out.println("rdm-loadtest: no web logins ("
                    + (baseUrl.isPresent() ? "INVENIO_WEB_USERS" : SimulatorKeys.WEB_USERS.name())
                    + "): the default mix leaves out logged-in web sessions (" + uploads.name() + ")");
            traffic = traffic.withoutUploads();
        }
        if (traffic.readers().weights().total() == 0) {
            throw new ConfigException("traffic.mix.*: all reader weights are 0; expected at least one positive weight");
        }
        String runId = s.find(RunKeys.RUN_ID)
                .orElse(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Target target = new Target(
                baseUrl,
                s.get(InvenioKeys.ALLOW_WRITES),
                s.get(InvenioKeys.INVENIO_VERSION),
                s.get(InvenioKeys.USER_AGENT),
                tokens,
                webLogins);
        Shape shape = new Shape(
                s.get(ConfigKeys.PROFILE),
                runId,
                s.get(RunKeys.DURATION),
                s.get(RunKeys.RAMP),
                s.get(RunKeys.MAX_DURATION),
                s.get(RunKeys.STRESS_STEPS),
                s.get(RunKeys.SPIKE_FACTOR));
        if (!shape.profile().equals("smoke") && shape.duration().toMillis() < 1000) {
            throw new ConfigException(
                    RunKeys.DURATION.name() + "='" + shape.duration().toMillis() + "ms': a run of no"
                            + " time sends nothing to judge; expected at least 1s");
        }
        return new LoadTestConfig(
                target,
                new Data(dataDir, Path.of(s.get(DataKeys.DEPOSIT_TEMPLATES))),
                shape,
                traffic,
                SimulatorSettings.from(s),
                shard,
                s);
    }

    /** Real targets: INVENIO_WEB_USERS (email:password, comma-separated); the simulator: its own simulator.webUsers. */
    private static List<WebLogin> webLogins(boolean realTarget, Settings s, Map<String, String> env) {
        return realTarget
                ? WebLogin.parseAll("INVENIO_WEB_USERS", env.get("INVENIO_WEB_USERS"))
                : WebLogin.parseAll(SimulatorKeys.WEB_USERS.name(), String.join(",", s.get(SimulatorKeys.WEB_USERS)));
    }

    /** Real targets: INVENIO_TOKENS (comma-separated, one depositor identity each) or INVENIO_TOKEN. */
    private static List<String> tokens(boolean realTarget, Settings s, Map<String, String> env) {
        return realTarget ? environmentTokens(env) : s.get(SimulatorKeys.TOKENS);
    }

    /** The tokens of a real target, in order (a draft ledger names a depositor by its position here). */
    public static List<String> environmentTokens(Map<String, String> env) {
        String many = env.get("INVENIO_TOKENS");
        if (many != null && !many.isBlank()) {
            return Arrays.stream(many.split(","))
                    .map(String::trim)
                    .filter(t -> !t.isEmpty())
                    .toList();
        }
        String one = env.get("INVENIO_TOKEN");
        return one == null || one.isBlank() ? List.of() : List.of(one.trim());
    }

    public boolean embedded() {
        return baseUrl().isEmpty();
    }

    /** Marker keyword on every record a run publishes, so an operator can find (and remove) them. */
    public String marker() {
        return RunMarker.of(runId());
    }

    /**
     * Write journeys need the embedded simulator or an explicit invenio.allowWrites=true; otherwise the run
     * stops here, before anything is sent.
     */
    public void requireWritesAllowed(String what) {
        if (embedded() || allowWrites()) {
            if (tokens().isEmpty()) {
                throw new ConfigException("INVENIO_TOKEN: not set; " + what + " needs a personal access token of a"
                        + " user of " + baseUrl().map(URI::toString).orElse("the target")
                        + " in the environment variable INVENIO_TOKEN");
            }
            return;
        }
        throw new ConfigException("invenio.allowWrites=false: " + what + " would create records on "
                + baseUrl().get()
                + "; set -Dinvenio.allowWrites=true to allow it, or -Dtraffic.depositors=0 for a read-only mix");
    }
}
