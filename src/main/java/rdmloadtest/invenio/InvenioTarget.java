package rdmloadtest.invenio;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;

/**
 * A real InvenioRDM instance the harvester reads from or the seeder writes to: base URL from
 * {@code -Dinvenio.baseUrl}, token from the environment variable {@code INVENIO_TOKEN} only (never printed),
 * {@code -Dinvenio.insecureTls=true} to accept a local instance's self-signed certificate (this client only).
 */
public final class InvenioTarget {

    public static final String TOKEN_VARIABLE = "INVENIO_TOKEN";

    public final URI baseUrl;
    private final String token;
    public final HttpClient http;

    private InvenioTarget(URI baseUrl, String token, HttpClient http) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.http = http;
    }

    /** The target named by invenio.baseUrl (required here), with the token of the environment, if any. */
    public static InvenioTarget from(Settings settings, String token) {
        URI uri = settings.find(InvenioKeys.BASE_URL)
                .orElseThrow(
                        () -> new ConfigException(
                                InvenioKeys.BASE_URL.name()
                                        + ": no value; expected the site URL of the InvenioRDM to read from or write to, e.g. https://127.0.0.1:5000"));
        HttpClient http = InvenioHttp.client(settings.get(InvenioKeys.INSECURE_TLS), uri);
        return new InvenioTarget(uri, token == null || token.isBlank() ? null : token.trim(), http);
    }

    public boolean hasToken() {
        return token != null;
    }

    /** True if the host is this machine (localhost, 127.0.0.0/8, ::1): the only place writes go by default. */
    public boolean isLoopback() {
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

    /** The client of this target, as the token's user (anonymous without one). */
    public InvenioClient client() {
        return InvenioClient.of(http, baseUrl.toString(), token == null ? null : "Bearer " + token);
    }
}
