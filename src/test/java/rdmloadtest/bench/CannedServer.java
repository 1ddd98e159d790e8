package rdmloadtest.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Benchmark target that costs nearly nothing per request, so that a benchmark of the injector measures the injector:
 * the first GET of a URL (with its Accept header) is answered by the real simulator behind it and remembered; every
 * later one is served from memory. Bodies above {@link #MAX_CACHED_BODY} (file downloads) are replayed as that many
 * bytes from one shared buffer: the injector reads them the same way, and nothing generates or copies them.
 * {@code GET /_canned/bytes} answers how many body bytes it has served (what a benchmark's requests asked for).
 *
 * <p>{@code java -cp ... rdmloadtest.bench.CannedServer <port> <simulator site URL>}
 */
public final class CannedServer {
    private static final int MAX_CACHED_BODY = 1 << 20;
    private static final String BYTES_SERVED = "/_canned/bytes";
    private static final ByteBuffer FILLER =
            ByteBuffer.allocateDirect(MAX_CACHED_BODY).asReadOnlyBuffer();
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "date", "server");

    private record Canned(int status, List<Map.Entry<String, String>> headers, ByteBuffer body, long length) {}

    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, Canned> cache = new ConcurrentHashMap<>();
    private final LongAdder served = new LongAdder();
    private final String origin;
    private final String self;

    private CannedServer(String origin, String self) {
        this.origin = origin.replaceAll("/+$", "");
        this.self = self;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        CannedServer canned = new CannedServer(args[1], "http://127.0.0.1:" + port);
        Server server = new Server(new QueuedThreadPool(2000, 16));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                canned.answer(request, response, callback);
                return true;
            }
        });
        server.start();
        System.out.println("Canned server listening on http://127.0.0.1:" + port + " (origin " + args[1] + ")");
        server.join();
    }

    private void answer(Request request, Response response, Callback callback) throws Exception {
        String target = request.getHttpURI().getPathQuery();
        if (target.equals(BYTES_SERVED)) {
            response.setStatus(200);
            response.write(
                    true, ByteBuffer.wrap(Long.toString(served.sum()).getBytes(StandardCharsets.UTF_8)), callback);
            return;
        }
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        String key = request.getMethod() + " " + target + " " + accept;
        Canned c = request.getMethod().equals("GET") ? cache.get(key) : null;
        if (c == null) {
            c = fetch(request.getMethod(), target, accept);
            if (request.getMethod().equals("GET")) cache.putIfAbsent(key, c);
        }
        response.setStatus(c.status());
        for (Map.Entry<String, String> h : c.headers()) response.getHeaders().add(h.getKey(), h.getValue());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, c.length());
        served.add(c.length());
        write(response, c, callback);
    }

    private static void write(Response response, Canned c, Callback callback) {
        if (c.body() != null) {
            response.write(true, c.body().duplicate(), callback);
            return;
        }
        new Object() {
            long left = c.length();

            void next() {
                int n = (int) Math.min(left, MAX_CACHED_BODY);
                left -= n;
                ByteBuffer chunk = FILLER.duplicate().limit(n);
                response.write(left == 0, chunk, left == 0 ? callback : Callback.from(this::next, callback::failed));
            }
        }.next();
    }

    private Canned fetch(String method, String target, String accept) throws Exception {
        HttpRequest.Builder req =
                HttpRequest.newBuilder(URI.create(origin + target)).method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) req.header("Accept", accept);
        HttpResponse<byte[]> r = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        // Links and redirects name the origin; the injector must come back here, not go round the cache.
        String type = r.headers().firstValue("Content-Type").orElse("");
        boolean text = type.contains("json") || type.contains("xml") || type.startsWith("text/");
        byte[] body = text
                ? new String(r.body(), StandardCharsets.UTF_8)
                        .replace(origin, self)
                        .getBytes(StandardCharsets.UTF_8)
                : r.body();
        return new Canned(
                r.statusCode(),
                headers(r.headers()),
                body.length <= MAX_CACHED_BODY ? ByteBuffer.wrap(body).asReadOnlyBuffer() : null,
                body.length);
    }

    private List<Map.Entry<String, String>> headers(HttpHeaders headers) {
        return headers.map().entrySet().stream()
                .filter(e -> !HOP_BY_HOP.contains(e.getKey().toLowerCase(Locale.ROOT))
                        && !e.getKey().startsWith(":"))
                .flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v.replace(origin, self))))
                .toList();
    }
}
