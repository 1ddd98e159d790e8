package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import rdmloadtest.slo.RequestNames;

/**
 * A user's web session: the login form (Flask-Security, with its CSRF token) and the pages behind it. The session
 * cookie Gatling keeps per virtual user carries the login, also into the API calls the pages' apps make.
 */
public final class Account {
    private Account() {}

    /** The login form: saves its CSRF token (the session cookie it sets holds the token's secret half). */
    public static final HttpRequestActionBuilder LOGIN_PAGE = http(RequestNames.OPEN_LOGIN_PAGE)
            .get("/login/")
            .check(status().is(200))
            .check(regex("name=\"csrf_token\"[^>]*value=\"([^\"]+)\"").saveAs(CSRF_TOKEN));

    /** Posts the form; a login that worked redirects away from /login/, a failed one renders the form again (200). */
    public static final HttpRequestActionBuilder LOG_IN = http(RequestNames.LOG_IN)
            .post("/login/")
            .formParam("email", el(WEB_EMAIL))
            .formParam("password", el(WEB_PASSWORD))
            .formParam("csrf_token", el(CSRF_TOKEN))
            .disableFollowRedirect()
            .check(status().is(302))
            .check(header("Location").not("/login/"));

    /** The user's uploads: a redirect to /login/ here would mean the session was not logged in. */
    public static final HttpRequestActionBuilder UPLOADS_PAGE = http(RequestNames.OPEN_UPLOADS_PAGE)
            .get("/me/uploads")
            .check(status().is(200))
            .check(currentLocationRegex("/me/uploads$"));

    /** The uploads page's search app: the user's records and drafts, by the session cookie. */
    public static final HttpRequestActionBuilder USER_RECORDS_APP = http(RequestNames.SEARCH_USER_RECORDS_WEB)
            .get("/api/user/records?q=&sort=updated-desc&page=1&size=10")
            .header("Accept", Pages.UI_JSON)
            .check(status().is(200))
            .check(jsonPath("$.hits.total").exists());

    public static final HttpRequestActionBuilder MY_COMMUNITIES_PAGE = http(RequestNames.OPEN_MY_COMMUNITIES_PAGE)
            .get("/me/communities")
            .check(status().is(200))
            .check(currentLocationRegex("/me/communities$"));

    public static final HttpRequestActionBuilder DEPOSIT_FORM = http(RequestNames.OPEN_DEPOSIT_FORM)
            .get("/uploads/new")
            .check(status().is(200))
            .check(currentLocationRegex("/uploads/new$"));
}
