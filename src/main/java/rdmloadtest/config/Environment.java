package rdmloadtest.config;

import java.util.Map;

/**
 * The process's environment variables, read in one place so that a command run in-process (the bad-input tests) can
 * be given its own.
 */
public final class Environment {
    private static volatile Map<String, String> replaced;

    private Environment() {}

    public static Map<String, String> all() {
        Map<String, String> r = replaced;
        return r != null ? r : System.getenv();
    }

    /** The variable's value, or null. */
    public static String get(String name) {
        return all().get(name);
    }

    /** Until the returned handle is closed, commands in this JVM see exactly {@code env} (for tests). */
    public static AutoCloseable replacedBy(Map<String, String> env) {
        Map<String, String> before = replaced;
        replaced = Map.copyOf(env);
        return () -> replaced = before;
    }
}
