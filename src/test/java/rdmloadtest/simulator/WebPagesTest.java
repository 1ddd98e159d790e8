package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The web UI as the real v13 serves it (bodies measured on invenio-local, 2026-12-05, /work/ui-findings.md §3): each
 * page's status, media type, session cookie, the markers the load-test journeys check, and its size within ±25 % of
 * the real page of the same kind, on the shipped data (data/default).
 */
class WebPagesTest extends AbstractSimulatorTest {
    /** Real v13 body sizes in bytes. */
    static final int HOME = 18_020;

    static final int SEARCH = 9_517;
    static final int LANDING_RICH = 69_122;
    static final int LANDING_FILE = 49_068;
    static final int NOT_FOUND = 8_196;
    static final int COMMUNITY_RECORDS = 12_847;
    static final int ME_UPLOADS = 15_364;
    static final int ME_COMMUNITIES = 15_011;
    static final int DEPOSIT = 37_119;
    static final int PREVIEW_CSV = 1_072;

    /** Records of data/default: open with a CSV among 3 files and 1 creator; embargoed; restricted; metadata-only. */
    static final String WITH_CSV = "2e3wn-hsn29";

    static final String EMBARGOED = "bjvpx-48e08";
    static final String RESTRICTED = "d5g3f-5ww18";
    static final String COMMUNITY = "climate-observatory";
    static final String USER1_EMAIL = "loadtest@example.org";
    static final String USER1_PASSWORD = "rdm-loadtest-password";

    static Sim sim;

    @BeforeAll
    static void start() throws Exception {
        sim = Sim.start(Path.of("data/default"), fast(), false);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    static void assertSizeNear(int real, Res r) {
        int size = r.body().length;
        assertTrue(
                Math.abs(size - real) <= real / 4,
                () -> "body " + size + " B, real v13 " + real + " B (±25 %): "
                        + r.text().substring(0, 200));
    }

    static Res html(String path) throws Exception {
        Res r = sim.get(path).expect(200);
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        String cookie = r.header("Set-Cookie");
        assertNotNull(cookie, "every UI page sets the session cookie");
        assertTrue(cookie.startsWith("session=") && cookie.endsWith("; HttpOnly; Path=/; SameSite=Lax"), cookie);
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        return r;
    }

    @Test
    void theFrontPageNamesTheCarouselAndRecentUploadsApiCalls() throws Exception {
        Res r = html("/");
        assertTrue(r.text().contains("data-fetch-url=\"/api/communities/featured\""));
        assertTrue(r.text().contains("data-fetch-url=\"/api/records?sort=newest&amp;size=10\""));
        assertSizeNear(HOME, r);
        JsonNode featured = sim.get("/api/communities/featured").expect(200).json();
        assertTrue(featured.path("hits").path("hits").isArray());
        assertEquals(0, featured.path("hits").path("total").asInt(), "the shipped data features no community");
    }

    @Test
    void theSearchPageCarriesTheSearchAppConfiguration() throws Exception {
        Res r = html("/search?q=climate&page=2");
        Matcher m = Pattern.compile("data-invenio-search-config='([^']*)'").matcher(r.text());
        assertTrue(m.find());
        JsonNode config = JSON.readTree(m.group(1));
        assertEquals(10, config.at("/initialQueryState/size").asInt());
        assertEquals("bestmatch", config.at("/initialQueryState/sortBy").asText());
        assertEquals("/api/records", config.at("/searchApi/axios/url").asText());
        assertEquals(3, config.path("aggs").size());
        assertSizeNear(SEARCH, r);
    }

    @Test
    void theSearchAppsApiCallAnswersTheUiSerialization() throws Exception {
        String ui = "application/vnd.inveniordm.v1+json";
        Res r = sim.get("/api/records?q=&sort=bestmatch&page=1&size=10", "Accept", ui)
                .expect(200);
        assertEquals(ui, r.header("Content-Type"));
        JsonNode hits = r.json().path("hits").path("hits");
        assertEquals(10, hits.size());
        for (JsonNode h : hits) {
            assertTrue(h.path("ui").path("publication_date_l10n_long").isTextual(), h.toString());
            assertTrue(h.path("metadata").path("title").isTextual());
        }
        String communityId =
                sim.get("/api/communities/" + COMMUNITY).json().path("id").asText();
        Res community = sim.get("/api/communities/" + communityId + "/records", "Accept", ui)
                .expect(200);
        assertEquals(ui, community.header("Content-Type"));
        assertEquals("application/json", sim.get("/api/records").header("Content-Type"));
    }

    @Test
    void aLandingPageCarriesExportsCitationStylesFilesAndBundles() throws Exception {
        Res r = html("/records/" + WITH_CSV);
        String page = r.text();
        for (String format : List.of(
                "bibtex",
                "cff",
                "codemeta",
                "csl",
                "datacite-json",
                "datacite-xml",
                "datapackage",
                "dcat-ap",
                "dublincore",
                "geojson",
                "json",
                "json-ld",
                "marcxml")) {
            // as the real page: the export menu's URLs are in its data-formats JSON, not href attributes
            assertTrue(page.contains("\"export_url\": \"/records/" + WITH_CSV + "/export/" + format + "\""), format);
        }
        assertTrue(page.contains("data-styles='[[\"apa\", \"APA\"], [\"harvard-cite-them-right\", \"Harvard\"],"
                + " [\"modern-language-association\", \"MLA\"], [\"vancouver\", \"Vancouver\"],"
                + " [\"chicago-fullnote-bibliography\", \"Chicago\"], [\"ieee\", \"IEEE\"]]'"));
        assertTrue(page.contains("data-defaultstyle='\"apa\"'"));
        JsonNode files =
                sim.get("/api/records/" + WITH_CSV).json().path("files").path("entries");
        files.fieldNames().forEachRemaining(key -> {
            String k = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
            assertTrue(page.contains("href=\"/records/" + WITH_CSV + "/files/" + k + "?download=1\""), key);
            assertTrue(page.contains("href=\"/records/" + WITH_CSV + "/preview/" + k + "?include_deleted=0\""), key);
        });
        Matcher m = Pattern.compile("data-record='([^']*)'").matcher(page);
        assertTrue(m.find());
        assertEquals(WITH_CSV, JSON.readTree(m.group(1)).path("id").asText());
        assertEquals(
                "<" + sim.base + "/api/records/" + WITH_CSV + "> ; rel=\"linkset\" ; type=\"application/linkset+json\"",
                r.header("Link"));
        assertEquals(32, staticReferences(page).size());
    }

    @Test
    void everyStaticReferenceOfALandingPageAnswers() throws Exception {
        Set<String> refs = new LinkedHashSet<>(
                staticReferences(html("/records/" + EMBARGOED).text()));
        refs.addAll(allStaticReferences(html("/records/" + EMBARGOED).text()));
        for (String ref : refs) {
            Res r = sim.get(ref).expect(200);
            assertTrue(r.body().length > 0, ref);
            if (ref.endsWith(".js")) assertEquals("text/javascript; charset=utf-8", r.header("Content-Type"));
            if (ref.endsWith(".css")) assertEquals("text/css; charset=utf-8", r.header("Content-Type"));
            if (ref.endsWith(".svg")) assertEquals("image/svg+xml", r.header("Content-Type"));
            assertEquals("no-cache", r.header("Cache-Control"));
        }
        Res css = sim.get("/static/dist/css/3526.afddfc7b757fea40d684.css").expect(200);
        assertEquals(1_586_449, css.body().length, "the real v13 main stylesheet");
        Res again = sim.get(
                "/static/dist/js/manifest.c206df0952bbc69159b5.js",
                "If-None-Match",
                sim.get("/static/dist/js/manifest.c206df0952bbc69159b5.js").header("ETag"));
        assertEquals(304, again.status());
    }

    static List<String> staticReferences(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"(/static/dist/(?:js|css)/[^\"]+)\"")
                .matcher(page);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static List<String> allStaticReferences(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"(/static/[^\"]+)\"").matcher(page);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void landingPagesAreAboutAsLargeAsTheRealOnes() throws Exception {
        // the real rich record (5 creators, 3 contributors, embargoed files) and the real one-file record
        assertSizeNear(LANDING_RICH, html("/records/" + EMBARGOED));
        assertSizeNear(LANDING_FILE, html("/records/" + WITH_CSV));
    }

    @Test
    void onV14ThePagesHaveV14sSizesAndBundles() throws Exception {
        try (Sim v14 = Sim.start(Path.of("data/default"), fast("invenio.version", "14"), false)) {
            Res landing = v14.get("/records/" + EMBARGOED).expect(200);
            assertTrue(landing.text().contains("content=\"InvenioRDM 14.0\""));
            int real = 74_175;
            assertTrue(Math.abs(landing.body().length - real) <= real / 4, "" + landing.body().length);
            List<String> refs = staticReferences(landing.text());
            assertEquals(39, refs.size(), "rspack's bundles on the real v14 landing page");
            for (String ref : new LinkedHashSet<>(refs)) v14.get(ref).expect(200);
            assertEquals(
                    633_324,
                    v14.get("/static/dist/css/6874.667dfe8ffe48b6cb.css").body().length);
            assertEquals(18_354, v14.get("/").body().length);
        }
    }

    @Test
    void anUnknownRecordIsAnHtml404AndARestrictedOneNeedsALogin() throws Exception {
        Res missing = sim.get("/records/doesnotexist").expect(404);
        assertEquals("text/html; charset=utf-8", missing.header("Content-Type"));
        assertTrue(missing.text().contains("Page not found"));
        assertSizeNear(NOT_FOUND, missing);
        Res unknownPage = sim.get("/no/such/page").expect(404);
        assertEquals("text/html; charset=utf-8", unknownPage.header("Content-Type"));
        assertSizeNear(NOT_FOUND, unknownPage);
        assertEquals(
                "application/json", sim.get("/api/no-such-route").expect(404).header("Content-Type"));
        // invenio-app-rdm sends an anonymous visitor of a restricted record to the login form, a logged-in one to 403
        Res anonymous = sim.get("/records/" + RESTRICTED).expect(302);
        assertEquals("/login/?next=%2Frecords%2F" + RESTRICTED, anonymous.header("Location"));
        Res restricted = sim.get("/records/" + RESTRICTED, "Authorization", "Bearer " + USER2)
                .expect(403);
        assertEquals("text/html; charset=utf-8", restricted.header("Content-Type"));
        assertTrue(restricted.text().contains("Permission required"));
        // the restricted record's owner is a generated depositor without a token; an administrator may read it
        sim.get("/records/" + RESTRICTED, "Authorization", "Bearer " + ADMIN).expect(200);
    }

    @Test
    void aDeletedRecordIsA410TombstonePage() throws Exception {
        String id = WITH_CSV.equals("x")
                ? ""
                : sim.get("/api/records?size=1&sort=oldest")
                        .json()
                        .at("/hits/hits/0/id")
                        .asText();
        sim.as(ADMIN, "DELETE", "/api/records/" + id + "/delete").expect(204);
        Res r = sim.get("/records/" + id).expect(410);
        assertTrue(r.text().contains("Record deleted"));
    }

    @Test
    void aTitleIsHtmlEscapedAndNeverTakenForAPlaceholder() throws Exception {
        var payload = minimalRecord("{{id}} <b>bold</b> & 'quoted'", false);
        String id = sim.json("POST", "/api/records", payload, USER1)
                .expect(201)
                .json()
                .path("id")
                .asText();
        sim.as(USER1, "POST", "/api/records/" + id + "/draft/actions/publish").expect(202);
        String page = html("/records/" + id).text();
        assertTrue(
                page.contains(
                        "class=\"wrap-overflowing-text\">{{id}} &lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;</h1>"),
                page);
        Matcher m =
                Pattern.compile("id=\"recordCitation\" data-record='([^']*)'").matcher(page);
        assertTrue(m.find());
        assertEquals(
                "{{id}} <b>bold</b> & 'quoted'",
                JSON.readTree(m.group(1)).at("/metadata/title").asText());
    }

    @Test
    void anAnonymousLandingPageShowsANewerVersionOnceItIsPublished() throws Exception {
        String id = sim.json("POST", "/api/records", minimalRecord("Versioned landing", false), USER1)
                .expect(201)
                .json()
                .path("id")
                .asText();
        sim.as(USER1, "POST", "/api/records/" + id + "/draft/actions/publish").expect(202);
        assertEquals(
                true,
                dataRecord(html("/records/" + id).text())
                        .at("/versions/is_latest")
                        .asBoolean());
        String next = sim.as(USER1, "POST", "/api/records/" + id + "/versions")
                .expect(201)
                .json()
                .path("id")
                .asText();
        sim.json("PUT", "/api/records/" + next + "/draft", minimalRecord("Versioned landing v2", false), USER1)
                .expect(200);
        sim.as(USER1, "POST", "/api/records/" + next + "/draft/actions/publish").expect(202);
        assertEquals(
                false,
                dataRecord(html("/records/" + id).text())
                        .at("/versions/is_latest")
                        .asBoolean());
    }

    static JsonNode dataRecord(String page) throws Exception {
        Matcher m = Pattern.compile("data-record='([^']*)'").matcher(page);
        assertTrue(m.find());
        return JSON.readTree(m.group(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "json, application/json",
        "json-ld, application/ld+json",
        "csl, application/vnd.citationstyles.csl+json",
        "datacite-json, application/vnd.datacite.datacite+json",
        "datacite-xml, application/vnd.datacite.datacite+xml",
        "dublincore, application/x-dc+xml",
        "marcxml, application/marcxml+xml",
        "bibtex, application/x-bibtex",
        "dcat-ap, application/dcat+xml",
        "geojson, application/vnd.geo+json",
        "cff, application/x-yaml",
        "datapackage, application/ld+json"
    })
    void eachExportAnswersInItsMediaType(String format, String type) throws Exception {
        Res r = sim.get("/records/" + WITH_CSV + "/export/" + format).expect(200);
        assertEquals(type, r.header("Content-Type"));
        assertTrue(r.body().length > 20, r.text());
    }

    @Test
    void theJsonExportIsTheRecordPrettyPrintedWithSortedKeys() throws Exception {
        Res r = sim.get("/records/" + WITH_CSV + "/export/json").expect(200);
        assertTrue(r.text().startsWith("{\n  \"access\": {"), r.text().substring(0, 40));
        assertEquals(sim.get("/api/records/" + WITH_CSV).json(), r.json());
    }

    @Test
    void codemetaFailsAsUpstreamUnderAnEmbargoAndAnUnknownFormatIsNotFound() throws Exception {
        Res codemeta = sim.get("/records/" + EMBARGOED + "/export/codemeta").expect(500);
        assertEquals("text/html; charset=utf-8", codemeta.header("Content-Type"));
        Res open = sim.get("/records/" + WITH_CSV + "/export/codemeta").expect(200);
        assertEquals("application/ld+json", open.header("Content-Type"));
        assertEquals(
                "https://doi.org/10.5063/schema/codemeta-2.0",
                open.json().path("@context").asText());
        sim.get("/records/" + WITH_CSV + "/export/nosuchformat").expect(404);
    }

    @Test
    void aCsvPreviewAndTheFileDownloadAnswerAsTheRealOnes() throws Exception {
        Res preview = html("/records/" + WITH_CSV + "/preview/samples.csv");
        assertTrue(
                preview.text().contains("data-csv-source=\"/records/" + WITH_CSV + "/files/samples.csv?preview=0\""));
        assertSizeNear(PREVIEW_CSV, preview);
        Res file = sim.get("/records/" + WITH_CSV + "/files/samples.csv?download=1")
                .expect(200);
        assertEquals("text/plain; charset=utf-8", file.header("Content-Type"));
        assertEquals("attachment; filename=samples.csv", file.header("Content-Disposition"));
        assertEquals(
                "<" + sim.base + "/records/" + WITH_CSV + "> ; rel=\"collection\" ; type=\"text/html\" , <" + sim.base
                        + "/api/records/" + WITH_CSV + "> ; rel=\"linkset\" ; type=\"application/linkset+json\"",
                file.header("Link"));
        Res api = sim.get("/api/records/" + WITH_CSV + "/files/samples.csv/content")
                .expect(200);
        assertArrayEquals(api.body(), file.body());
        sim.get("/records/" + WITH_CSV + "/files/nosuchfile.csv").expect(404);
    }

    @Test
    void aCommunityRedirectsToItsRecordsPage() throws Exception {
        html("/communities");
        Res first = sim.get("/communities/" + COMMUNITY).expect(308);
        assertEquals(sim.base + "/communities/" + COMMUNITY + "/", first.header("Location"));
        Res second = sim.get("/communities/" + COMMUNITY + "/").expect(302);
        assertEquals("/communities/" + COMMUNITY + "/records", second.header("Location"));
        Res records = html("/communities/" + COMMUNITY + "/records");
        assertTrue(records.text().contains("data-invenio-search-config="));
        assertSizeNear(COMMUNITY_RECORDS, records);
        sim.get("/communities/no-such-community/records").expect(404);
        sim.get("/communities/no-such-community").expect(404);
    }

    @Test
    void anonymousVisitorsOfTheDashboardAreSentToTheLoginForm() throws Exception {
        for (String path : List.of("/me/uploads", "/me/communities", "/uploads/new")) {
            Res r = sim.get(path).expect(302);
            assertEquals("/login/?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8), r.header("Location"));
        }
    }

    /** A browser: cookies kept between requests, redirects not followed. */
    static final class Browser {
        final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> get(String path, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.base + path));
            for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, String... fields) throws Exception {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i + 1 < fields.length; i += 2)
                pairs.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            return client.send(
                    HttpRequest.newBuilder(URI.create(sim.base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrfToken() throws Exception {
            HttpResponse<String> form = get("/login/");
            assertEquals(200, form.statusCode());
            assertTrue(form.body().contains("<form action=\"/login/\" method=\"POST\""));
            assertTrue(form.body().contains("name=\"login_user_form\""));
            Matcher m = Pattern.compile(
                            "<input id=\"csrf_token\" name=\"csrf_token\" type=\"hidden\" value=\"([^\"]+)\">")
                    .matcher(form.body());
            assertTrue(m.find(), "the form carries its CSRF token");
            return m.group(1);
        }
    }

    @Test
    void logInWithTheFormsCsrfTokenThenSeeTheDashboardAndLogOut() throws Exception {
        Browser b = new Browser();
        String token = b.csrfToken();
        HttpResponse<String> in = b.postForm(
                "/login/",
                "email",
                USER1_EMAIL,
                "password",
                USER1_PASSWORD,
                "csrf_token",
                token,
                "next",
                "/me/uploads");
        assertEquals(302, in.statusCode());
        assertEquals("/me/uploads", in.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> uploads = b.get("/me/uploads");
        assertEquals(200, uploads.statusCode());
        assertTrue(uploads.body().contains(USER1_EMAIL));
        assertTrue(
                Math.abs(uploads.body().length() - ME_UPLOADS) <= ME_UPLOADS / 4,
                "" + uploads.body().length());
        HttpResponse<String> communities = b.get("/me/communities");
        assertTrue(Math.abs(communities.body().length() - ME_COMMUNITIES) <= ME_COMMUNITIES / 4);
        HttpResponse<String> deposit = b.get("/uploads/new");
        assertEquals(200, deposit.statusCode());
        assertTrue(
                Math.abs(deposit.body().length() - DEPOSIT) <= DEPOSIT / 4,
                "" + deposit.body().length());
        // the dashboard's API call: the session cookie is the identity, as for the token of user 1
        HttpResponse<String> mine = b.get("/api/user/records?size=100");
        assertEquals(200, mine.statusCode());
        assertEquals(
                sim.as(USER1, "GET", "/api/user/records?size=100").json().at("/hits/total"),
                JSON.readTree(mine.body()).at("/hits/total"));
        HttpResponse<String> out = b.get("/logout/");
        assertEquals(302, out.statusCode());
        assertEquals("/", out.headers().firstValue("Location").orElseThrow());
        assertEquals(302, b.get("/me/uploads").statusCode());
        assertEquals(403, b.get("/api/user/records").statusCode());
    }

    @Test
    void aLoginWithoutTheRightCsrfTokenOrPasswordShowsTheFormAgain() throws Exception {
        Browser b = new Browser();
        String token = b.csrfToken();
        HttpResponse<String> noToken = b.postForm("/login/", "email", USER1_EMAIL, "password", USER1_PASSWORD);
        assertEquals(200, noToken.statusCode());
        assertTrue(noToken.body().contains("The CSRF token is missing."));
        HttpResponse<String> wrongToken =
                b.postForm("/login/", "email", USER1_EMAIL, "password", USER1_PASSWORD, "csrf_token", token + "x");
        assertTrue(wrongToken.body().contains("The CSRF token is invalid."));
        HttpResponse<String> wrongPassword =
                b.postForm("/login/", "email", USER1_EMAIL, "password", "nope", "csrf_token", token);
        assertEquals(200, wrongPassword.statusCode());
        assertTrue(wrongPassword.body().contains("Invalid password"));
        assertEquals(302, b.get("/me/uploads").statusCode(), "still anonymous");
        // a token from another browser's session is refused
        HttpResponse<String> foreign = new Browser()
                .postForm("/login/", "email", USER1_EMAIL, "password", USER1_PASSWORD, "csrf_token", token);
        assertTrue(foreign.body().contains("The CSRF session token is missing."));
    }

    @Test
    void anOffSiteNextIsNotFollowed() throws Exception {
        Browser b = new Browser();
        String token = b.csrfToken();
        HttpResponse<String> in = b.postForm(
                "/login/",
                "email",
                USER1_EMAIL,
                "password",
                USER1_PASSWORD,
                "csrf_token",
                token,
                "next",
                "https://example.com/");
        assertEquals("/", in.headers().firstValue("Location").orElseThrow());
    }
}
