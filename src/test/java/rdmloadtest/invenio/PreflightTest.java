package rdmloadtest.invenio;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;

class PreflightTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Simulator v13;
    private static Simulator v14;

    @BeforeAll
    static void start() throws Exception {
        v13 = simulator("13");
        v14 = simulator("14");
    }

    @AfterAll
    static void stop() throws Exception {
        v13.close();
        v14.close();
    }

    private static Simulator simulator(String version) throws Exception {
        Simulator s = new Simulator(SimulatorSettings.from(
                new Settings(ConfigSource.ofMap(Map.of("invenio.version", version, "data.dir", "data/default")))));
        s.start();
        return s;
    }

    /**
     * These tests check what the pre-flight says, not how fast: a minute per answer, as a simulator still warming up
     * on a crowded machine has answered after more than the command's 15 s.
     */
    private static Preflight preflight(String site) {
        return new Preflight(HTTP, site, InvenioKeys.BASE_URL.name(), Duration.ofMinutes(1));
    }

    @Test
    void anInvenioRdmOfTheConfiguredVersionPasses() {
        String found = preflight(v13.siteUrl()).check("13", List.of("Bearer rdm-loadtest-token-1"));
        assertTrue(
                found.matches(
                        "InvenioRDM v13 at \\Q" + v13.siteUrl() + "\\E, [1-9][0-9]* records, 1 token\\(s\\) accepted"),
                found);
        assertTrue(preflight(v14.siteUrl()).check("14", List.of()).startsWith("InvenioRDM v14"));
    }

    @Test
    void theWrongVersionIsNamedWithTheFix() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> preflight(v14.siteUrl()).check("13", List.of()));
        assertEquals(
                "invenio.version=13: " + v14.siteUrl() + " answers like InvenioRDM v14 (its record search has the"
                        + " publication_date facet, new in v14); set -Dinvenio.version=14",
                e.getMessage());
    }

    @Test
    void aRejectedTokenIsNamedByPositionNeverByValue() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> preflight(v13.siteUrl())
                        .check("13", List.of("Bearer rdm-loadtest-token-1", "Bearer not-a-token")));
        assertTrue(
                e.getMessage()
                        .startsWith("token 2 of 2 (INVENIO_TOKENS): GET " + v13.siteUrl()
                                + "/api/user/records?size=1 answered 40"),
                e.getMessage());
        assertFalse(e.getMessage().contains("not-a-token"), e.getMessage());
    }

    @Test
    void aClosedPortStopsTheRunBeforeAnyLoad() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String site = "http://127.0.0.1:" + port;
        ConfigException e =
                assertThrows(ConfigException.class, () -> preflight(site).check("13", List.of()));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "invenio.baseUrl=" + site + ": " + site + "/api/records?size=1 does not" + " answer"),
                e.getMessage());
    }

    @Test
    void aSiteThatIsNotInvenioRdmIsRefused() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", x -> {
            byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        other.start();
        try {
            String site = "http://127.0.0.1:" + other.getAddress().getPort();
            ConfigException e =
                    assertThrows(ConfigException.class, () -> preflight(site).check("13", List.of()));
            assertTrue(
                    e.getMessage()
                            .endsWith("is not an InvenioRDM record search (expected JSON with hits.total and"
                                    + " the access_status facet)"),
                    e.getMessage());
        } finally {
            other.stop(0);
        }
    }
}
