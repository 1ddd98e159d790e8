package rdmloadtest.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One documented configuration key. The same name is used as a system property and in a profile
 * file; its environment variable is the name in upper snake case (invenio.allowWrites → INVENIO_ALLOW_WRITES).
 */
public record Key<T>(String name, String defaultValue, String doc, Function<String, T> parser) {

    public String envName() {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
