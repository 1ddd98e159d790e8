package rdmloadtest.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus on 127.0.0.1, scraping the given targets every second, with its data in a temp dir: the one
 * {@code mvn verify} builds before the tests (scripts/build-prometheus.sh links it at target/prometheus).
 */
public final class PrometheusProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private PrometheusProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it and waits until it is ready; fails the test, saying how to get one, when there is none. */
    public static PrometheusProcess start(Path dir, List<String> targets) throws Exception {
        Path binary = binary();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(
                config,
                "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: simulator\n"
                        + "    static_configs:\n      - targets: [" + String.join(", ", targets) + "]\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        PrometheusProcess prom = new PrometheusProcess(p, port);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive())
                throw new IllegalStateException(
                        "prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(prom.url() + "/-/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return prom;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        prom.close();
        throw new IllegalStateException("prometheus not ready after 60 s; see " + dir.resolve("prometheus.log"));
    }

    /** $PROMETHEUS_BINARY, else the build's (target/prometheus), else a system one (/usr/bin/prometheus). */
    private static Path binary() {
        String set = System.getenv("PROMETHEUS_BINARY");
        if (set != null && !set.isBlank()) {
            Path p = Path.of(set);
            if (!Files.isExecutable(p))
                throw new IllegalStateException("PROMETHEUS_BINARY=" + set + " is not an executable file");
            return p;
        }
        for (Path p : List.of(Path.of("target", "prometheus"), Path.of("/usr/bin/prometheus")))
            if (Files.isExecutable(p)) return p;
        throw new IllegalStateException("no Prometheus (target/prometheus, /usr/bin/prometheus): mvn verify builds one"
                + " (scripts/build-prometheus.sh), or set PROMETHEUS_BINARY");
    }

    /** Waits (at most 30 s) until a query for {@code metric} returns a series: the target has been scraped. */
    public void awaitSeries(String metric) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(url() + "/api/v1/query?query=" + metric))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("\"__name__\"")) return;
            Thread.sleep(250);
        }
        throw new IllegalStateException("prometheus scraped no " + metric + " in 30 s");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
