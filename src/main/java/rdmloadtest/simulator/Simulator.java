package rdmloadtest.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLogWriter;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import rdmloadtest.simulator.api.CommunitiesApi;
import rdmloadtest.simulator.api.DraftValidator;
import rdmloadtest.simulator.api.FilesApi;
import rdmloadtest.simulator.api.IiifApi;
import rdmloadtest.simulator.api.Index;
import rdmloadtest.simulator.api.OaiPmhApi;
import rdmloadtest.simulator.api.RecordJson;
import rdmloadtest.simulator.api.RecordsApi;
import rdmloadtest.simulator.api.UserApi;
import rdmloadtest.simulator.http.ApiError;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.FaultSpec;
import rdmloadtest.simulator.perf.PerformanceModel;
import rdmloadtest.simulator.perf.RateLimiter;
import rdmloadtest.simulator.search.Searcher;
import rdmloadtest.simulator.store.Identity;
import rdmloadtest.simulator.store.Repository;
import rdmloadtest.simulator.vocabularies.Vocabularies;
import rdmloadtest.simulator.web.CrawlerPages;
import rdmloadtest.simulator.web.StaticAssets;
import rdmloadtest.simulator.web.WebPages;
import rdmloadtest.simulator.web.WebSession;

/**
 * An embedded InvenioRDM REST API on Jetty: the routes, status codes, headers and JSON of InvenioRDM
 * v13/v14, behind a performance model with a known capacity, optional rate limiting and fault injection.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Simulator.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tiers' counters for Prometheus; not a route of InvenioRDM. */
    public static final String METRICS_PATH = "/metrics";

    private final SimulatorSettings settings;
    private final Router router = new Router();
    private final PerformanceModel model;
    private final RateLimiter limiter;
    private final TierExposition exposition;
    private final Map<String, String> tokenUsers;
    private final Path uploads;
    private final Repository repo = new Repository();
    private final WebSession web;
    private final ScheduledExecutorService statsJob = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-stats");
        t.setDaemon(true);
        return t;
    });
    /** The image metadata extractor (a Celery task in InvenioRDM): one low-priority thread, stopped on close. */
    private final ExecutorService extractor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulator-image-metadata");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private Server server;
    private int port;

    public Simulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.tokenUsers = settings.tokenUsers();
        this.model = new PerformanceModel(
                settings.workers(),
                settings.serviceTimes(),
                settings.backendTimes(),
                settings.tierWorkers(),
                settings.backgroundTime(),
                settings.exponentialServiceTimes(),
                settings.bandwidthMBps() * 1_000_000L,
                PerformanceModel.Clock.SYSTEM);
        this.exposition = new TierExposition(model);
        this.limiter =
                settings.rateLimit() ? new RateLimiter(settings.guestLimit(), settings.authenticatedLimit()) : null;
        this.uploads = Files.createTempDirectory("rdm-simulator-uploads");
        Seeder.seed(repo, settings.dataDir());
        Seeder.extractImageMetadata(repo, extractor);
        Vocabularies vocabularies = new Vocabularies(settings.version());
        RecordJson json = new RecordJson(repo, vocabularies, settings.version());
        Index index = new Index(repo, json, settings.refreshDelay(), model::background);
        Searcher searcher = new Searcher(vocabularies, settings.version());
        new RecordsApi(repo, json, index, searcher, new DraftValidator(vocabularies), settings.version())
                .routes(router);
        new FilesApi(repo, json, uploads, settings.maxContentLength()).routes(router);
        new UserApi(repo, json, index, searcher).routes(router);
        new CommunitiesApi(repo, json, index, searcher, settings.version()).routes(router);
        new OaiPmhApi(repo).routes(router);
        web = new WebSession(settings.webLogins(), settings.version());
        web.routes(router);
        new WebPages(repo, json, web, settings.webLogins(), settings.version()).routes(router);
        new CrawlerPages(repo, web, settings.version(), settings.robotsTxt(), settings.sitemapEntries()).routes(router);
        new StaticAssets().routes(router);
        new IiifApi(repo).routes(router);
    }

    /** Starts on 127.0.0.1 at the configured port (0: ephemeral) and returns the port. */
    public int start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(2000, 16);
        threads.setName("simulator");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(settings.port());
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);
        if (settings.accessLog() != null) {
            // The combined format nginx writes in front of InvenioRDM: calibration reads both alike.
            RequestLogWriter writer = new RequestLogWriter(settings.accessLog());
            writer.setAppend(true);
            server.setRequestLog(new CustomRequestLog(writer, CustomRequestLog.EXTENDED_NCSA_FORMAT));
        }
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
        long every = Math.max(1, settings.statsInterval().toMillis());
        statsJob.scheduleAtFixedRate(
                () -> repo.write(() -> {
                    repo.records().forEach(rdmloadtest.simulator.store.RecordDoc::aggregateStats);
                    return null;
                }),
                every,
                every,
                TimeUnit.MILLISECONDS);
        return port;
    }

    public int port() {
        return port;
    }

    public String siteUrl() {
        return "http://127.0.0.1:" + port;
    }

    public PerformanceModel model() {
        return model;
    }

    public Repository repository() {
        return repo;
    }

    @Override
    public void close() throws Exception {
        statsJob.shutdownNow();
        extractor.shutdownNow();
        if (server != null) server.stop();
        try (var files = Files.walk(uploads)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void serve(Request request, Response response, Callback callback) {
        Reply reply;
        Map<String, String> limitHeaders = Map.of();
        try {
            String method = request.getMethod();
            String path = request.getHttpURI().getPath();
            if (path.equals(METRICS_PATH) && method.equals("GET")) {
                // Prometheus's scrapes are not the target's load: no worker, no rate limit.
                write(Reply.bytes(200, TierExposition.CONTENT_TYPE, exposition.scrape()), Map.of(), response, callback);
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (HttpField f : request.getHeaders()) headers.putIfAbsent(f.getLowerCaseName(), f.getValue());
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (Fields.Field f : Request.extractQueryParameters(request)) query.put(f.getName(), f.getValues());
            Identity who = identify(headers.get("authorization"), query.get("access_token"));
            // A logged-in browser's session cookie is an identity too; API writes would also need its CSRF header.
            if (!who.authenticated() && (method.equals("GET") || method.equals("HEAD") || !path.startsWith("/api/")))
                who = web.identify(headers.get("cookie"));
            if (limiter != null) {
                RateLimiter.Verdict v = limiter.hit(
                        headers.getOrDefault("user-agent", ""),
                        Request.getRemoteAddr(request),
                        who.authenticated(),
                        System.currentTimeMillis());
                limitHeaders = rateLimitHeaders(v);
                if (!v.allowed()) {
                    write(Reply.json(429, new ApiError(429, v.rule().text()).body()), limitHeaders, response, callback);
                    return;
                }
            }
            Router.Match match = router.match(method, path);
            String host = headers.getOrDefault("host", "127.0.0.1:" + port);
            Call call = new Call(
                    method,
                    path,
                    query,
                    match.params(),
                    who,
                    "http://" + host,
                    headers,
                    () -> Content.Source.asInputStream(request));
            FaultSpec.Fault fault = settings.faults().get(match.route().cls()).draw();
            Duration extra = switch (fault) {
                case SPIKE -> settings.faults().get(match.route().cls()).spike();
                case STALL -> settings.faults().get(match.route().cls()).stall();
                default -> Duration.ZERO;
            };
            Map<String, String> extraHeaders = limitHeaders;
            reply = model.serve(match.route().cls(), extra, throttle -> {
                if (fault == FaultSpec.Fault.ERROR)
                    return Reply.json(500, new ApiError(500, "Internal server error.").body());
                if (fault == FaultSpec.Fault.RESET) return null;
                Reply r = handle(match.route().handler(), call);
                if (r.stream != null) {
                    head(r, extraHeaders, response);
                    try (OutputStream out = Content.Sink.asOutputStream(response)) {
                        r.stream.writeTo(out, throttle);
                    }
                }
                return r;
            });
            if (reply == null) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(new IOException("fault injection: connection reset"));
                return;
            }
            if (reply.stream != null) {
                callback.succeeded();
                return;
            }
        } catch (ApiError e) {
            String path = request.getHttpURI().getPath();
            reply = e.status() == 404 && !path.startsWith("/api/")
                    ? web.notFoundPage(path, request.getHeaders().get("cookie"))
                    : Reply.json(e.status(), e.body());
        } catch (Exception e) {
            LOG.warning("simulator: " + e);
            callback.failed(e);
            return;
        }
        write(reply, limitHeaders, response, callback);
    }

    private static Reply handle(Router.Handler handler, Call call) throws Exception {
        try {
            return handler.handle(call);
        } catch (ApiError e) {
            return Reply.json(e.status(), e.body());
        } catch (UncheckedIOException e) {
            return Reply.json(400, new ApiError(400, e.getMessage()).body());
        }
    }

    private Identity identify(String authorization, List<String> accessToken) {
        String token = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).trim();
        } else if (accessToken != null && !accessToken.isEmpty()) {
            token = accessToken.get(0);
        }
        String user = token == null ? null : tokenUsers.get(token);
        if (user == null) return Identity.ANONYMOUS;
        return new Identity(user, settings.adminTokens().contains(token));
    }

    private static Map<String, String> rateLimitHeaders(RateLimiter.Verdict v) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-RateLimit-Limit", String.valueOf(v.rule().amount()));
        h.put("X-RateLimit-Remaining", String.valueOf(v.remaining()));
        h.put("X-RateLimit-Reset", String.valueOf(v.resetEpochSeconds()));
        h.put("Retry-After", String.valueOf(v.retryAfterSeconds()));
        return h;
    }

    /** What InvenioRDM v13 and v14 send on every answer (Flask-Talisman's defaults as invenio-app sets them). */
    private static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    /** The same, encoded once: a record read is cheap enough for Jetty's parsing of each header to show. */
    private static final List<HttpField> SECURITY_FIELDS = SECURITY_HEADERS.entrySet().stream()
            .map(e -> (HttpField) new PreEncodedHttpField(e.getKey(), e.getValue()))
            .toList();

    /** Content types seen, each encoded once (there are a few dozen). */
    private static final Map<String, HttpField> CONTENT_TYPES = new ConcurrentHashMap<>();

    private static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Permissions-Policy", "interest-cohort=()");
        h.put("X-Frame-Options", "sameorigin");
        h.put("X-XSS-Protection", "1; mode=block");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Content-Security-Policy", "default-src 'self'; object-src 'none'");
        h.put("Referrer-Policy", "strict-origin-when-cross-origin");
        return Map.copyOf(h);
    }

    /** The answer's status and headers; an answer's own header wins over the security header of the same name. */
    private static void head(Reply r, Map<String, String> extra, Response response) {
        response.setStatus(r.status);
        HttpFields.Mutable h = response.getHeaders();
        for (HttpField f : SECURITY_FIELDS) if (!r.headers.containsKey(f.getName())) h.add(f);
        r.headers.forEach((k, v) -> h.add(
                k.equals("Content-Type")
                        ? CONTENT_TYPES.computeIfAbsent(v, t -> new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, t))
                        : new HttpField(k, v)));
        extra.forEach(h::put);
        if (r.streamLength >= 0) h.put(HttpHeader.CONTENT_LENGTH, r.streamLength);
    }

    private static void write(Reply r, Map<String, String> extra, Response response, Callback callback) {
        head(r, extra, response);
        byte[] body;
        try {
            body = r.json != null ? JSON.writeValueAsBytes(r.json) : r.bytes != null ? r.bytes : new byte[0];
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        // Flask's empty answer still carries its default media type
        if (r.status == 204 && !r.headers.containsKey("Content-Type")) {
            response.getHeaders().put("Content-Type", "text/html; charset=utf-8");
        }
        if (r.status == 304 || r.status == 204) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
