package rdmloadtest.simulator.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The page templates of one version, read once. */
final class Templates {
    private final String version;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Templates(String version) {
        this.version = version.equals("14") ? "v14" : "v13";
    }

    String get(String name) {
        return cache.computeIfAbsent(name, n -> load(version, n));
    }

    private static String load(String version, String name) {
        String path = "/simulator/web/" + version + "/" + name;
        try (InputStream in = Templates.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing template " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
