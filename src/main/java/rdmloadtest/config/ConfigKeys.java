package rdmloadtest.config;

import static rdmloadtest.config.Parsers.*;

import java.util.List;

/** The keys that choose where the other keys come from: the built-in profile and the user's profile file. */
public final class ConfigKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<String> PROFILE = KEYS.add(
            "profile",
            "load",
            "Workload profile: smoke, load, stress, soak or spike (src/main/resources/profiles/<name>.properties).",
            choice("smoke", "load", "stress", "soak", "spike"));
    public static final Key<String> PROFILE_FILE = KEYS.add(
            "profile.file", null, "A .properties file of these keys, applied over the built-in profile.", text());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
