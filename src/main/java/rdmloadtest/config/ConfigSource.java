package rdmloadtest.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raw values for every key, merged by precedence: system property, then environment variable, then
 * the user's profile file ({@code profile.file}), then the built-in profile ({@code profile}), then
 * the key's default. Every value remembers where it came from, so an error can say so.
 */
public final class ConfigSource {
    public record Value(String text, String origin) {}

    private final Map<String, Value> values = new LinkedHashMap<>();

    private ConfigSource() {}

    public static ConfigSource of(Properties system, Map<String, String> env) {
        ConfigSource src = new ConfigSource();
        Map<String, Value> sys = ownedSystemProperties(system);
        Map<String, Value> fromEnv = new HashMap<>();
        for (Key<?> k : Keys.all()) {
            String v = env.get(k.envName());
            if (v != null) fromEnv.put(k.name(), new Value(v, "environment variable " + k.envName()));
        }
        rejectUnknownVariables(env);
        rejectSecretsInProperties(sys);
        Value profile = firstOf(ConfigKeys.PROFILE.name(), sys, fromEnv);
        String profileName = profile == null
                ? ConfigKeys.PROFILE.defaultValue()
                : Settings.parse(ConfigKeys.PROFILE, profile.text(), profile.origin());
        src.putAll(readBuiltInProfile(profileName));
        Value profileFile = firstOf(ConfigKeys.PROFILE_FILE.name(), sys, fromEnv);
        if (profileFile != null)
            src.putAll(readProfileFile(Path.of(profileFile.text().trim()), profileFile.origin()));
        src.putAll(fromEnv);
        src.putAll(sys);
        return src;
    }

    public static ConfigSource fromProcess() {
        return of(System.getProperties(), Environment.all());
    }

    /** For tests and tools: exactly these values. */
    public static ConfigSource ofMap(Map<String, String> raw) {
        Properties p = new Properties();
        p.putAll(raw);
        return of(p, Map.of());
    }

    public Optional<Value> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Map<String, Value> all() {
        return Map.copyOf(values);
    }

    private void putAll(Map<String, Value> m) {
        values.putAll(m);
    }

    private static Value firstOf(String key, Map<String, Value> a, Map<String, Value> b) {
        return a.containsKey(key) ? a.get(key) : b.get(key);
    }

    /** Our keys, and an error for any unknown key under one of our prefixes (a typo must not be ignored). */
    private static Map<String, Value> ownedSystemProperties(Properties system) {
        if (system.getProperty("gatling.simulationClass") != null) {
            throw new ConfigException("gatling.simulationClass (system property -Dgatling.simulationClass): not read"
                    + " here (the pom sets the simulation); use -Dsimulation="
                    + system.getProperty("gatling.simulationClass"));
        }
        Map<String, Value> out = new HashMap<>();
        for (String name : system.stringPropertyNames()) {
            if (!Keys.isOwned(name)) continue;
            if (Keys.byName(name).isEmpty()) throw unknownKey(name, "system property");
            out.put(name, new Value(system.getProperty(name), "system property -D" + name));
        }
        return out;
    }

    /**
     * An environment variable under one of our keys' prefixes (TRAFFIC_, SLO_...) that names no key is a typo, as a
     * system property would be; the secrets read from the environment only are ours too.
     */
    private static void rejectUnknownVariables(Map<String, String> env) {
        Set<String> known = new HashSet<>(SECRET_VARIABLES);
        Set<String> prefixes = new HashSet<>();
        for (Key<?> k : Keys.all()) {
            known.add(k.envName());
            if (k.name().contains("."))
                prefixes.add(k.envName().substring(0, k.envName().indexOf('_') + 1));
        }
        for (String name : new TreeSet<>(env.keySet())) {
            if (known.contains(name) || notOurs(name) || prefixes.stream().noneMatch(name::startsWith)) continue;
            Optional<String> near = Keys.all().stream()
                    .map(Key::envName)
                    .filter(n -> Keys.distance(n, name) <= 3)
                    .min(Comparator.comparingInt(n -> Keys.distance(n, name)));
            // InvenioRDM reads its own configuration from INVENIO_* variables (INVENIO_SQLALCHEMY_DATABASE_URI,
            // INVENIO_INSTANCE_PATH, ...): on an instance's host only a near miss of one of ours is a typo.
            if (name.startsWith(INVENIO_PREFIX) && near.isEmpty()) continue;
            String hint = near.map(n -> "; did you mean " + n + "?").orElse("");
            throw new ConfigException(name + " (environment variable): unknown configuration variable" + hint
                    + " (every key's variable is listed in docs/configuration.md)");
        }
    }

    private static final String INVENIO_PREFIX = "INVENIO_";

    /** The scripts' own variables (invenio-local's, scripts/prove-*.sh) and Kubernetes' service links. */
    private static boolean notOurs(String name) {
        return name.startsWith("INVENIO_LOCAL_")
                || name.equals("INVENIO_BASE")
                || name.matches(".*_(SERVICE_HOST|SERVICE_PORT.*|PORT_\\d+_.*)");
    }

    /** Read from the environment only, never from a key (docs/configuration.md, "Secrets"). */
    private static final Set<String> SECRET_VARIABLES =
            Set.of("INVENIO_TOKEN", "INVENIO_TOKENS", "INVENIO_TOKEN_2", "INVENIO_ADMIN_TOKEN", "INVENIO_WEB_USERS");

    private static void rejectSecretsInProperties(Map<String, Value> sys) {
        if (sys.containsKey("invenio.token")) {
            throw new ConfigException("invenio.token: a token is never read from a system property (it would show in"
                    + " process lists and logs); set the environment variable INVENIO_TOKEN instead");
        }
    }

    private static Map<String, Value> readBuiltInProfile(String name) {
        String resource = "profiles/" + name + ".properties";
        try (InputStream in = ConfigSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new ConfigException("profile='" + name + "': no built-in profile " + resource);
            Properties p = new Properties();
            p.load(in);
            return checked(p, "built-in profile " + resource);
        } catch (IOException e) {
            throw new ConfigException("profile='" + name + "': cannot read " + resource + ": " + e.getMessage());
        }
    }

    private static Map<String, Value> readProfileFile(Path file, String origin) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("profile.file='" + file + "' (" + origin + "): no such file; expected a"
                    + " .properties file of configuration keys");
        }
        try (Reader r = Files.newBufferedReader(file)) {
            Properties p = new Properties();
            p.load(r);
            return checked(p, "profile file " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(
                    "profile.file='" + file + "': cannot read it as a .properties file: " + e.getMessage());
        }
    }

    private static Map<String, Value> checked(Properties p, String origin) {
        Map<String, Value> out = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (Keys.byName(name).isEmpty()) throw unknownKey(name, origin);
            if (name.equals(ConfigKeys.PROFILE.name()) || name.equals(ConfigKeys.PROFILE_FILE.name())) {
                throw new ConfigException(name + " in " + origin + ": a profile cannot name another profile");
            }
            out.put(name, new Value(p.getProperty(name), origin));
        }
        return out;
    }

    private static ConfigException unknownKey(String name, String origin) {
        String hint = Keys.closest(name).map(k -> "; did you mean " + k + "?").orElse("");
        return new ConfigException(name + " (" + origin + "): unknown configuration key" + hint
                + " (every key is listed in the README's configuration table)");
    }
}
