package rdmloadtest.config;

import java.util.ArrayList;
import java.util.List;

/** A web user's login for InvenioRDM's login form: the password is only ever put into the form, never printed. */
public final class WebLogin {
    private final String email;
    private final String password;

    public WebLogin(String email, String password) {
        this.email = email;
        this.password = password;
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }

    /**
     * Parses "email:password[,email:password...]" (a password may hold ':' but not ','); {@code source} names where
     * the text came from, for the error, which never repeats a password.
     */
    public static List<WebLogin> parseAll(String source, String text) {
        List<WebLogin> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        int n = 0;
        for (String item : text.split(",")) {
            n++;
            String t = item.trim();
            int colon = t.indexOf(':');
            if (colon <= 0 || colon == t.length() - 1 || !t.substring(0, colon).contains("@")) {
                throw new ConfigException(source + ": entry " + n + " is not email:password (expected e.g."
                        + " loadtest@example.org:secret, entries separated by commas)");
            }
            out.add(new WebLogin(t.substring(0, colon), t.substring(colon + 1)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "WebLogin[" + email + ", password redacted]";
    }
}
