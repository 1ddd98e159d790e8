package rdmloadtest.config;

/** A configuration problem, reported as one line that names the key, the value and what was expected. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
