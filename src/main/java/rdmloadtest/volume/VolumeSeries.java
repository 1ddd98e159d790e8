package rdmloadtest.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import rdmloadtest.config.ConfigException;

/**
 * The capacity searches under one folder, a series of sizes per InvenioRDM version: at least two sizes per version (a
 * fit needs two), never two searches of the same version and size.
 *
 * @param runs by version, then by records
 */
public record VolumeSeries(Map<String, List<VolumeRun>> runs) {

    public static VolumeSeries read(Path dir) throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        if (folders.isEmpty())
            throw new ConfigException(dir + ": no report folder in it; expected one capacity report folder"
                    + " (capacity.json) per InvenioRDM version and size");
        List<VolumeRun> runs = new ArrayList<>();
        for (Path f : folders) runs.add(VolumeRun.read(f));
        return of(runs);
    }

    static VolumeSeries of(List<VolumeRun> all) {
        Map<String, List<VolumeRun>> byVersion = new TreeMap<>();
        for (VolumeRun r : all) {
            List<VolumeRun> same = byVersion.computeIfAbsent(r.version(), v -> new ArrayList<>());
            for (VolumeRun o : same)
                if (o.records() == r.records())
                    throw new ConfigException(r.folder() + ": a second search of InvenioRDM v" + r.version() + " at "
                            + r.records() + " records (the first: " + o.folder()
                            + "); expected one search per version and size");
            same.add(r);
        }
        byVersion.forEach((v, rs) -> {
            rs.sort(Comparator.comparingLong(VolumeRun::records));
            if (rs.size() < 2)
                throw new ConfigException(rs.get(0).folder() + ": the only search of InvenioRDM v" + v + " ("
                        + rs.get(0).records() + " records); expected at least 2 sizes per version for a fit");
        });
        byVersion.replaceAll((v, rs) -> List.copyOf(rs));
        return new VolumeSeries(byVersion);
    }

    public List<VolumeRun> all() {
        return runs.values().stream().flatMap(List::stream).toList();
    }

    /**
     * The highest target rate at which every search had a step that met its SLOs: one load at which every size and
     * version is compared (empty: the searches share no passing rate, e.g. other start rates).
     */
    public Optional<Double> commonLoad() {
        Set<Double> common = null;
        for (VolumeRun r : all()) {
            Set<Double> passed = new LinkedHashSet<>();
            for (VolumeRun.Step s : r.steps()) if (s.passed()) passed.add(Math.round(s.targetRps() * 100) / 100.0);
            if (common == null) common = passed;
            else common.retainAll(passed);
        }
        return common == null ? Optional.empty() : common.stream().max(Double::compare);
    }

    /** SLO groups that had requests in any of the searches, in the order they first appear. */
    public List<String> groups() {
        Set<String> out = new LinkedHashSet<>();
        for (VolumeRun r : all())
            for (VolumeRun.Step s : r.steps())
                for (VolumeRun.Group g : s.groups()) if (g.requests() > 0) out.add(g.name());
        return List.copyOf(out);
    }

    /**
     * The plan keys whose values differ between the searches, with each value seen (the version aside): a difference
     * in mix, SLOs or steps, not only in records, is compared.
     */
    public Map<String, Set<String>> planDifferences() {
        Map<String, Set<String>> values = new TreeMap<>();
        List<VolumeRun> all = all();
        for (VolumeRun r : all)
            for (String k : r.plan().keySet()) values.computeIfAbsent(k, x -> new LinkedHashSet<>());
        for (VolumeRun r : all) values.forEach((k, seen) -> seen.add(r.plan().getOrDefault(k, "(unset)")));
        values.remove("invenio.version");
        values.values().removeIf(seen -> seen.size() < 2);
        return values;
    }

    /** Tiers with a demand in any of the searches. */
    public List<String> tiers() {
        Set<String> out = new LinkedHashSet<>();
        for (VolumeRun r : all()) out.addAll(r.tierDemandMs().keySet());
        return List.copyOf(out);
    }
}
