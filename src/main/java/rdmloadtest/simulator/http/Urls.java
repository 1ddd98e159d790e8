package rdmloadtest.simulator.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URLs as InvenioRDM's links write them. */
public final class Urls {
    private Urls() {}

    /** A path segment or query value percent-encoded, a space as %20 (not '+'). */
    public static String quote(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
