package rdmloadtest.datagen;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;
import rdmloadtest.invenio.InvenioHttp;
import rdmloadtest.invenio.InvenioKeys;

/**
 * A real InvenioRDM instance the harvester reads from or the seeder writes to: base URL from
 * {@code -Dinvenio.baseUrl}, token from the environment variable {@code INVENIO_TOKEN} only (never printed),
 * {@code -Dinvenio.insecureTls=true} to accept a local instance's self-signed certificate (this client only).
 */
final class InvenioTarget {

    static final String TOKEN_VARIABLE = "INVENIO_TOKEN";

    final URI baseUrl;
    private final String token;
    final HttpClient http;

    private InvenioTarget(URI baseUrl, String token, HttpClient http) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.http = http;
    }

    /** The target named by invenio.baseUrl (required here), with the token of the environment, if any. */
    static InvenioTarget from(Settings settings, String token) {
        URI uri = settings.find(InvenioKeys.BASE_URL)
                .orElseThrow(
                        () -> new ConfigException(
                                InvenioKeys.BASE_URL.name()
                                        + ": no value; expected the site URL of the InvenioRDM to read from or write to, e.g. https://127.0.0.1:5000"));
        HttpClient http = InvenioHttp.client(settings.get(InvenioKeys.INSECURE_TLS), uri);
        return new InvenioTarget(uri, token == null || token.isBlank() ? null : token.trim(), http);
    }

    boolean hasToken() {
        return token != null;
    }

    /** True if the host is this machine (localhost, 127.0.0.0/8, ::1): the only place writes go by default. */
    boolean isLoopback() {
        String host = baseUrl.getHost();
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host.replaceAll("^\\[|\\]$", ""))) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A request to {@code path} (starting with /api) with the token, if any, and a JSON Accept header. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(10))
                .header("User-Agent", "rdm-loadtest-datagen");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
