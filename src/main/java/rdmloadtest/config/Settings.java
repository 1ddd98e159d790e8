package rdmloadtest.config;

import java.util.Optional;

/** Typed reads of a {@link ConfigSource}: every value parsed, every failure a one-line {@link ConfigException}. */
public final class Settings {
    private final ConfigSource source;

    public Settings(ConfigSource source) {
        this.source = source;
    }

    public <T> T get(Key<T> key) {
        return find(key)
                .orElseThrow(() -> new ConfigException(key.name() + ": no value; expected one (" + key.doc() + ")"));
    }

    public <T> Optional<T> find(Key<T> key) {
        Optional<ConfigSource.Value> v = source.get(key.name());
        if (v.isEmpty())
            return key.hasDefault() ? Optional.of(parse(key, key.defaultValue(), "default")) : Optional.empty();
        return Optional.of(parse(key, v.get().text(), v.get().origin()));
    }

    public ConfigSource source() {
        return source;
    }

    /** The typed value of {@code text}, or a one-line error naming the key, the value, its origin and what is expected. */
    static <T> T parse(Key<T> key, String text, String origin) {
        try {
            return key.parser().apply(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key.name() + "='" + text + "' (" + origin + "): " + e.getMessage());
        }
    }
}
