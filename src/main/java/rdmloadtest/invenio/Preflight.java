package rdmloadtest.invenio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;

/**
 * Checks, before any load, that the target answers, that its API looks like InvenioRDM of the configured major
 * version, and that every token a write journey will use is accepted. A run into a closed port or the wrong site
 * measures nothing; it stops here with one line instead.
 */
public final class Preflight {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;
    private final String siteUrl;
    /** The key that named the site, for the messages. */
    private final String key;

    /** @param timeout the wait for each answer (invenio.preflightTimeout) */
    public Preflight(HttpClient http, String siteUrl, Duration timeout) {
        this(http, siteUrl, InvenioKeys.BASE_URL.name(), timeout);
    }

    Preflight(HttpClient http, String siteUrl, String key, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
        this.key = key;
    }

    /**
     * The pre-flight of a command that talks to invenio.baseUrl (harvest, seed, cleanup, capacity): the site, its
     * version, and each token given, named by the environment variable it came from.
     *
     * @param tokens the tokens the command will use, in the order of {@code variable}'s list (none: not checked)
     * @return what was found, for the console
     */
    public static String of(Settings s, URI site, String version, String variable, List<String> tokens) {
        return of(s, InvenioKeys.BASE_URL.name(), site, version, variable, tokens);
    }

    /** As above, for a site named by another key ({@code conformance.real}). */
    public static String of(Settings s, String key, URI site, String version, String variable, List<String> tokens) {
        Preflight p = new Preflight(
                InvenioHttp.client(s.get(InvenioKeys.INSECURE_TLS), site),
                site.toString(),
                key,
                s.get(InvenioKeys.PREFLIGHT_TIMEOUT));
        String found = p.check(version, List.of());
        for (int i = 0; i < tokens.size(); i++)
            p.checkToken(
                    variable + (tokens.size() > 1 ? " (token " + (i + 1) + " of " + tokens.size() + ")" : ""),
                    "Bearer " + tokens.get(i).trim());
        return found + (tokens.isEmpty() ? "" : ", " + tokens.size() + " token(s) accepted");
    }

    /**
     * @param version the configured major version ("13" or "14")
     * @param writerBearers the Authorization values of the write journeys' users (empty for a read-only run)
     * @return what was found, for the console
     * @throws ConfigException naming what is wrong and what was expected
     */
    public String check(String version, List<String> writerBearers) {
        JsonNode search = searchPage();
        String found = search.path("aggregations").has("publication_date") ? "14" : "13";
        if (!found.equals(version)) {
            throw new ConfigException("invenio.version=" + version + ": " + siteUrl + " answers like InvenioRDM v"
                    + found
                    + " (its record search " + (found.equals("14") ? "has" : "lacks") + " the publication_date facet,"
                    + " new in v14); set -Dinvenio.version=" + found);
        }
        for (int i = 0; i < writerBearers.size(); i++) {
            int of = writerBearers.size();
            checkToken(
                    "token " + (i + 1) + " of " + of + " (INVENIO_TOKEN" + (of > 1 ? "S" : "") + ")",
                    writerBearers.get(i));
        }
        return "InvenioRDM v" + found + " at " + siteUrl + ", "
                + search.path("hits").path("total").asLong() + " records"
                + (writerBearers.isEmpty() ? "" : ", " + writerBearers.size() + " token(s) accepted");
    }

    private JsonNode searchPage() {
        String url = siteUrl + "/api/records?size=1";
        HttpResponse<String> r = get(url, null);
        if (r.statusCode() != 200) {
            throw new ConfigException(key + "=" + siteUrl + ": GET " + url + " answered " + r.statusCode()
                    + "; expected 200 from an InvenioRDM record search");
        }
        try {
            JsonNode body = JSON.readTree(r.body());
            if (body.path("hits").path("total").isNumber()
                    && body.path("aggregations").has("access_status")) {
                return body;
            }
        } catch (IOException e) {
            // not JSON: reported below like any other non-InvenioRDM answer
        }
        throw new ConfigException(key + "=" + siteUrl + ": GET " + url + " is not an InvenioRDM record search"
                + " (expected JSON with hits.total and the access_status facet)");
    }

    /** @param which the token as the user knows it: the environment variable it came from (its value is never shown) */
    public void checkToken(String which, String bearer) {
        String url = siteUrl + "/api/user/records?size=1";
        int status = get(url, bearer).statusCode();
        if (status != 200) {
            throw new ConfigException(which + ": GET " + url + " answered " + status
                    + "; expected 200 for a valid personal access token");
        }
    }

    private HttpResponse<String> get(String url, String bearer) {
        try {
            return InvenioHttp.getJson(http, url, bearer, timeout);
        } catch (IOException e) {
            throw new ConfigException(key + "=" + siteUrl + ": " + url + " does not answer ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); expected a running InvenioRDM");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException(key + "=" + siteUrl + ": interrupted while checking it");
        }
    }
}
