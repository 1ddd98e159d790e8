package rdmloadtest.calibrate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** What must not leave the log: addresses, e-mail addresses, tokens, and queries that look like a person's data. */
final class Privacy {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{7,}\\d");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_\\-]{32,}");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");
    private static final Pattern IPV6 = Pattern.compile("\\b[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7}\\b");
    private static final Pattern TOKEN_PARAM =
            Pattern.compile("(?i)((?:access_)?token|key|secret|password|session)=[^&\\s\"]*");

    private Privacy() {}

    /** A search query that could identify a person: an e-mail address, a phone number, something like a token. */
    static boolean looksPersonal(String q) {
        return EMAIL.matcher(q).find()
                || PHONE.matcher(q).find()
                || SECRET.matcher(q).find();
    }

    /** A log line with its addresses, e-mail addresses and token parameters masked, for the console. */
    static String mask(String line) {
        String s = IPV4.matcher(line).replaceAll("x.x.x.x");
        s = IPV6.matcher(s).replaceAll("x:x");
        s = EMAIL.matcher(s).replaceAll("(e-mail)");
        return TOKEN_PARAM.matcher(s).replaceAll("$1=(hidden)");
    }

    static String decode(String s) {
        if (s == null) return null;
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
