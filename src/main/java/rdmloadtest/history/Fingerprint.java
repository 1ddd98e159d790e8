package rdmloadtest.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What makes two runs comparable: the same simulation and profile, the same load (rates, populations, durations) and
 * the same target. The toolkit version is kept for the record but does not split the history: an upgrade should
 * show up as a trend, not hide it.
 *
 * @param load every setting that shapes the load, by key (traffic.*, run.*, capacity.*, and the simulator's model when
 *     the target is the embedded simulator)
 */
public record Fingerprint(
        String simulation, String profile, String target, SortedMap<String, String> load, String toolkitVersion) {

    public Fingerprint {
        load = new TreeMap<>(load);
    }

    public static Fingerprint of(
            String simulation, String profile, String target, Map<String, String> load, String toolkitVersion) {
        return new Fingerprint(simulation, profile, target, new TreeMap<>(load), toolkitVersion);
    }

    /** A short, stable id of the comparable part: runs with the same id can be compared. */
    public String id() {
        StringBuilder canonical = new StringBuilder(simulation)
                .append('\n')
                .append(profile)
                .append('\n')
                .append(target);
        load.forEach((k, v) -> canonical.append('\n').append(k).append('=').append(v));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public boolean comparableWith(Fingerprint other) {
        return differences(other).isEmpty();
    }

    /** What differs, as "key: this vs other" items (empty when comparable). */
    public List<String> differences(Fingerprint other) {
        List<String> out = new ArrayList<>();
        diff(out, "simulation", simulation, other.simulation);
        diff(out, "profile", profile, other.profile);
        diff(out, "target", target, other.target);
        TreeMap<String, String> keys = new TreeMap<>(load);
        other.load.forEach(keys::putIfAbsent);
        for (String k : keys.keySet()) diff(out, k, load.get(k), other.load.get(k));
        return out;
    }

    private static void diff(List<String> out, String what, String a, String b) {
        if (!Objects.equals(a, b))
            out.add(what + ": " + (a == null ? "unset" : a) + " vs " + (b == null ? "unset" : b));
    }
}
