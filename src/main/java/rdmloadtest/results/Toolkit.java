package rdmloadtest.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This toolkit's version (the pom's, filtered into rdm-loadtest.properties at build time). */
public final class Toolkit {
    private Toolkit() {}

    public static String version() {
        try (InputStream in = Toolkit.class.getResourceAsStream("/rdm-loadtest.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
