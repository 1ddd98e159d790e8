package rdmloadtest.config;

/**
 * A configuration or usage problem, reported once as one line that names the key or file, the value and what was
 * expected (exit status 1, before any load is sent).
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
