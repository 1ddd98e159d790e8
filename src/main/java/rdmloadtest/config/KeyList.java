package rdmloadtest.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects a {@link KeySet}'s keys in declaration order, so each key is written once. */
public final class KeyList {
    private final List<Key<?>> keys = new ArrayList<>();

    public <T> Key<T> add(String name, String defaultValue, String doc, Function<String, T> parser) {
        Key<T> k = new Key<>(name, defaultValue, doc, parser);
        keys.add(k);
        return k;
    }

    public List<Key<?>> all() {
        return List.copyOf(keys);
    }
}
