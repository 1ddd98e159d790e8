package rdmloadtest.results;

import java.util.List;
import rdmloadtest.history.Baseline;

/**
 * What this run was compared with, and how each group's figures came out. {@code compared} is false, with the reason in
 * {@code note}, when there was nothing comparable (another simulation, profile, load or target; too few good runs).
 */
public record BaselineReport(boolean compared, String source, int runs, String note, List<Baseline.Finding> findings) {

    public static BaselineReport notCompared(String source, String note) {
        return new BaselineReport(false, source, 0, note, List.of());
    }
}
