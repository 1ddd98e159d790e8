package rdmloadtest.simulator.web;

import static rdmloadtest.simulator.web.Html.escape;
import static rdmloadtest.simulator.web.Html.html;
import static rdmloadtest.simulator.web.Html.redirect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import rdmloadtest.simulator.api.AccessRules;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.store.RecordDoc;

/** The answers a page gives instead of itself: the error pages, and the login form for an anonymous visitor. */
final class ErrorPages {
    private final WebSession sessions;
    private final Templates templates;

    ErrorPages(WebSession sessions, Templates templates) {
        this.sessions = sessions;
        this.templates = templates;
    }

    /** An error page in the site's chrome (invenio-theme's 404/403/500, invenio-app-rdm's tombstone for 410). */
    Reply error(Call c, int status) {
        return sessions.withCookie(html(status, page(templates, c.path, status)), sessions.session(c));
    }

    /** The page's HTML for a status; also the 404 of a UI path no route knows (WebSession.notFoundPage). */
    static String page(Templates templates, String path, int status) {
        String[] text = switch (status) {
            case 403 ->
                new String[] {
                    "lock", "Permission required", "You do not have the required permissions to access this page."
                };
            case 410 -> new String[] {"trash", "Record deleted", "The record you are looking for has been deleted."};
            case 500 ->
                new String[] {
                    "bolt",
                    "Internal server error",
                    "An unexpected error occurred. The administrators have been notified."
                };
            default -> new String[] {"bolt", "Page not found", "The page you are looking for could not be found."};
        };
        return new Fill(templates.get("error.html"))
                .with("path", escape(path))
                .with("icon", text[0])
                .with("heading", text[1])
                .with("message", text[2])
                .text();
    }

    /** The record a visitor asked for, or the error page InvenioRDM answers instead. */
    Optional<Reply> refusal(Call c, RecordDoc r) {
        if (r == null) return Optional.of(error(c, 404));
        if (r.deleted())
            return Optional.of(error(c, r.tombstone.path("is_visible").asBoolean(true) ? 410 : 404));
        if (!AccessRules.canReadRecord(r, c.identity)) return Optional.of(denied(c));
        return Optional.empty();
    }

    /**
     * invenio-app-rdm's record_permission_denied_error: an anonymous visitor is sent to the login form (Flask-Login's
     * unauthorized handler), a logged-in one gets the 403 page.
     */
    Reply denied(Call c) {
        if (!c.identity.authenticated()) return toLogin(c, sessions.session(c));
        return error(c, 403);
    }

    Reply toLogin(Call c, WebSession.Session s) {
        String next = c.path + Html.queryString(c);
        return sessions.withCookie(redirect(302, "/login/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)), s);
    }
}
