package rdmloadtest.config;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registry of every configuration key: the union of the {@link KeySet}s found on the classpath, in the order of
 * their service files. A name under a prefix that some key uses ("simulator.", "capacity.") is ours: unknown ones
 * are errors, not silently ignored.
 */
public final class Keys {
    private static volatile List<Key<?>> all;

    private Keys() {}

    /** Every key, in registration order. */
    public static List<Key<?>> all() {
        List<Key<?>> keys = all;
        if (keys == null) {
            synchronized (Keys.class) {
                if (all == null) all = load();
                keys = all;
            }
        }
        return keys;
    }

    private static List<Key<?>> load() {
        Map<String, Key<?>> byName = new LinkedHashMap<>();
        for (KeySet set : ServiceLoader.load(KeySet.class, Keys.class.getClassLoader())) {
            for (Key<?> k : set.keys()) {
                if (byName.putIfAbsent(k.name(), k) != null) {
                    throw new IllegalStateException("configuration key " + k.name() + " is declared twice ("
                            + set.getClass().getName() + ")");
                }
            }
        }
        return List.copyOf(byName.values());
    }

    /** The prefixes ("simulator.") and exact names of keys we own. */
    private static Set<String> prefixes() {
        Set<String> out = new LinkedHashSet<>();
        for (Key<?> k : all()) {
            int dot = k.name().indexOf('.');
            out.add(dot < 0 ? k.name() : k.name().substring(0, dot + 1));
        }
        return out;
    }

    public static boolean isOwned(String name) {
        return prefixes().stream().anyMatch(p -> p.endsWith(".") ? name.startsWith(p) : name.equals(p));
    }

    public static Optional<Key<?>> byName(String name) {
        return all().stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The known key nearest to a typo (case-insensitive match first, then edit distance ≤ 3). */
    public static Optional<String> closest(String name) {
        for (Key<?> k : all()) if (k.name().equalsIgnoreCase(name)) return Optional.of(k.name());
        return all().stream()
                .map(Key::name)
                .min(Comparator.comparingInt(n -> distance(n, name)))
                .filter(n -> distance(n, name) <= 3);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The README's configuration table, generated so it cannot drift (a test compares). */
    public static String markdownTable() {
        return "| Key (system property / profile) | Environment variable | Default | Meaning |\n|---|---|---|---|\n"
                + all().stream()
                        .map(k -> "| `" + k.name() + "` | `" + k.envName() + "` | "
                                + (k.hasDefault() ? "`" + k.defaultValue() + "`" : "—") + " | " + k.doc() + " |")
                        .collect(Collectors.joining("\n"))
                + "\n";
    }
}
