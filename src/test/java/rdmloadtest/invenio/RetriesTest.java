package rdmloadtest.invenio;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetriesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a429IsRetriedAfterTheTargetsRetryAfterUntilItAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            boolean limited = calls.incrementAndGet() <= 2;
            x.getResponseHeaders().add("Retry-After", "0");
            x.sendResponseHeaders(limited ? 429 : 200, -1);
            x.close();
        });
        server.start();
        List<String> retries = new ArrayList<>();
        try {
            HttpRequest req = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                    .build();
            HttpResponse<Void> r =
                    Retries.send(5, () -> HTTP.send(req, HttpResponse.BodyHandlers.discarding()), retries::add);
            assertEquals(200, r.statusCode());
        } finally {
            server.stop(0);
        }
        assertEquals(3, calls.get());
        assertEquals(List.of("HTTP 429, attempt 1", "HTTP 429, attempt 2"), retries);
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            calls.incrementAndGet();
            x.sendResponseHeaders(400, -1);
            x.close();
        });
        server.start();
        try {
            HttpRequest req = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                    .build();
            assertEquals(
                    400,
                    Retries.send(5, () -> HTTP.send(req, HttpResponse.BodyHandlers.discarding()), w -> {})
                            .statusCode());
        } finally {
            server.stop(0);
        }
        assertEquals(1, calls.get());
    }

    @Test
    void aTargetThatNeverAnswersEndsWithItsIoErrorAfterTheLastAttempt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .build();
        List<String> retries = new ArrayList<>();
        assertThrows(
                IOException.class,
                () -> Retries.send(2, () -> HTTP.send(req, HttpResponse.BodyHandlers.discarding()), retries::add));
        assertEquals(1, retries.size(), retries.toString());
        assertTrue(retries.get(0).startsWith("connection failed"), retries.get(0));
    }
}
