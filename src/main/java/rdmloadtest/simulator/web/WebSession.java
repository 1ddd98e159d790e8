package rdmloadtest.simulator.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.store.Identity;

/**
 * The web UI's session as Flask-Security, Flask-WTF and Flask-KVSession keep it in InvenioRDM: a signed {@code session}
 * cookie on every page, the login form with its CSRF token ({@code GET /login/}), {@code POST /login/} and
 * {@code GET /logout/}. An anonymous session is not stored (its id is signed and its CSRF token derived from it), so a
 * load test that never logs in costs no memory; a login stores its session id → user id until logout.
 */
public final class WebSession {
    /** The session cookie as invenio.cfg of invenio-local sets it: 31 days, HttpOnly, Lax, not Secure (plain HTTP). */
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    static final String CSRF_MISSING = "The CSRF token is missing.";
    static final String CSRF_SESSION_MISSING = "The CSRF session token is missing.";
    static final String CSRF_INVALID = "The CSRF token is invalid.";

    /** One browser's session: its signed id and the user it is logged in as (null: anonymous). */
    public record Session(String id, String userId) {
        public Identity identity() {
            return userId == null ? Identity.ANONYMOUS : new Identity(userId, false);
        }
    }

    private final Map<String, Map.Entry<String, String>> logins;
    private final Map<String, String> loggedIn = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final byte[] secret = new byte[32];
    private final Templates templates;

    public WebSession(Map<String, Map.Entry<String, String>> logins, String version) {
        this.logins = Map.copyOf(logins);
        this.templates = new Templates(version);
        random.nextBytes(secret);
    }

    public void routes(Router r) {
        r.add("GET", "/login", EndpointClass.PAGE, this::loginForm);
        r.add("POST", "/login", EndpointClass.PAGE, this::login);
        r.add("GET", "/logout", EndpointClass.PAGE, this::logout);
    }

    /** The identity a request's cookies stand for: a logged-in session's user, else anonymous. */
    public Identity identify(String cookieHeader) {
        String id = sessionId(cookieHeader);
        if (id == null) return Identity.ANONYMOUS;
        String user = loggedIn.get(id);
        return user == null ? Identity.ANONYMOUS : new Identity(user, false);
    }

    /** The caller's session, or a new anonymous one when it sent none (or one this simulator did not sign). */
    public Session session(Call c) {
        String id = sessionId(c.header("cookie").orElse(null));
        if (id == null) return new Session(newId(), null);
        return new Session(id, loggedIn.get(id));
    }

    /** The answer's cookie: the session again with a fresh expiry (SESSION_REFRESH_EACH_REQUEST), as every UI page. */
    Reply withCookie(Reply r, Session s) {
        String value = s.id() + "." + sign(s.id());
        return r.header(
                        "Set-Cookie",
                        "session=" + value + "; Expires="
                                + EXPIRES.format(ZonedDateTime.now().plusDays(31)) + "; HttpOnly; Path=/; SameSite=Lax")
                .header("X-Session-ID", s.id());
    }

    /** Flask-WTF's token for this session (derived from the signed id: nothing to store). */
    String csrfToken(Session s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac("csrf:" + s.id()));
    }

    Reply loginForm(Call c) {
        if (!c.path.endsWith("/")) return Html.redirect(308, "/login/" + Html.queryString(c));
        Session s = session(c);
        // Flask-Security sends a logged-in user on to the next page instead of the form.
        if (s.userId() != null)
            return withCookie(Html.redirect(302, safeNext(c.first("next").orElse(null))), s);
        return withCookie(loginPage(s, c.first("next").orElse(""), "", null), s);
    }

    Reply login(Call c) throws IOException {
        if (!c.path.endsWith("/")) return Html.redirect(308, "/login/");
        Map<String, String> form = form(c);
        String cookieId = sessionId(c.header("cookie").orElse(null));
        Session s = cookieId == null ? new Session(newId(), null) : new Session(cookieId, null);
        String email = form.getOrDefault("email", "").trim();
        String next = form.getOrDefault("next", "");
        String token = form.get("csrf_token");
        String error;
        if (token == null || token.isEmpty()) error = CSRF_MISSING;
        else if (cookieId == null) error = CSRF_SESSION_MISSING;
        else if (!token.equals(csrfToken(s))) error = CSRF_INVALID;
        else error = checkPassword(email, form.getOrDefault("password", ""));
        if (error != null) return withCookie(loginPage(s, next, email, error), s);
        // a new session id on login, so a session id known before the login is worth nothing after it
        Session in =
                new Session(newId(), logins.get(email.toLowerCase(Locale.ROOT)).getValue());
        loggedIn.put(in.id(), in.userId());
        if (cookieId != null) loggedIn.remove(cookieId);
        return withCookie(Html.redirect(302, safeNext(next)), in);
    }

    Reply logout(Call c) {
        if (!c.path.endsWith("/")) return Html.redirect(308, "/logout/");
        String id = sessionId(c.header("cookie").orElse(null));
        if (id != null) loggedIn.remove(id);
        return withCookie(Html.redirect(302, "/"), new Session(newId(), null));
    }

    /** invenio-theme's 404 page for a UI path no route knows (the API's unknown paths answer JSON). */
    public Reply notFoundPage(String path, String cookieHeader) {
        String id = sessionId(cookieHeader);
        Session s = id == null ? new Session(newId(), null) : new Session(id, loggedIn.get(id));
        return withCookie(Html.html(404, ErrorPages.page(templates, path, 404)), s);
    }

    /** Flask-Security's LoginForm messages (Flask-Security-Too defaults; not measured on the real instance). */
    private String checkPassword(String email, String password) {
        if (email.isEmpty()) return "Email not provided";
        Map.Entry<String, String> user = logins.get(email.toLowerCase(Locale.ROOT));
        if (user == null) return "Specified user does not exist";
        if (password.isEmpty()) return "Password not provided";
        if (!user.getKey().equals(password)) return "Invalid password";
        return null;
    }

    /** The login page; a failed POST renders it again with 200 and the error, as Flask-Security does for a form. */
    private Reply loginPage(Session s, String next, String email, String error) {
        String errors = error == null
                ? ""
                : "              <div class=\"ui negative message\">\n                <p>" + Html.escape(error)
                        + "</p>\n              </div>\n";
        String html = new Fill(templates.get("login.html"))
                .with("csrf", csrfToken(s))
                .with("next", Html.escape(next))
                .with("email", Html.escape(email))
                .with("errors", errors)
                .text();
        return Html.html(200, html);
    }

    /** Flask-Security's get_post_login_redirect: only a local path (no scheme, no host) is followed; else "/". */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || !next.startsWith("/") || next.startsWith("//") || next.contains("\\"))
            return "/";
        return next;
    }

    private static Map<String, String> form(Call c) throws IOException {
        Map<String, String> out = new HashMap<>();
        String body;
        try (InputStream in = c.bodyStream()) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    /** The id of a session cookie this simulator signed, else null. */
    private String sessionId(String cookieHeader) {
        if (cookieHeader == null) return null;
        for (String part : cookieHeader.split(";")) {
            String p = part.trim();
            if (!p.startsWith("session=")) continue;
            String value = p.substring("session=".length());
            int dot = value.lastIndexOf('.');
            if (dot <= 0) return null;
            String id = value.substring(0, dot);
            return sign(id).equals(value.substring(dot + 1)) ? id : null;
        }
        return null;
    }

    /** An id in Flask-KVSession's shape: 16 random hex digits, '_', the creation time in hex. */
    private String newId() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b) + "_" + Long.toHexString(System.currentTimeMillis() / 1000);
    }

    private String sign(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hmac(id), 20));
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
