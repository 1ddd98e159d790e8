package rdmloadtest.trends;

import java.nio.file.Path;
import rdmloadtest.cli.Command;
import rdmloadtest.config.Folders;
import rdmloadtest.history.Baseline;
import rdmloadtest.history.RunHistory;
import rdmloadtest.results.ResultKeys;

/** {@code mvn -q exec:java@trends [-Dhistory.dir=history] [-Dtrends.runs=30] [-Dtrends.out=reports/trends]}. */
public final class TrendsMain {
    private TrendsMain() {}

    public static void main(String[] args) {
        Command.main("trends", s -> {
            RunHistory history = new RunHistory(Folders.existing(
                    ResultKeys.HISTORY_DIR.name(),
                    Path.of(s.get(ResultKeys.HISTORY_DIR)),
                    "the run history the runs recorded (history.record=true)"));
            TrendsReport.Plan plan = new TrendsReport.Plan(
                    s.get(TrendsKeys.RUNS),
                    s.get(ResultKeys.BASELINE_RUNS),
                    s.get(ResultKeys.BASELINE_MIN_RUNS),
                    new Baseline.Tolerances(
                            s.get(ResultKeys.BASELINE_P95_TOLERANCE),
                                    s.get(ResultKeys.BASELINE_P95_MIN_DELTA).toMillis(),
                            s.get(ResultKeys.BASELINE_THROUGHPUT_TOLERANCE),
                                    s.get(ResultKeys.BASELINE_ERROR_TOLERANCE)));
            Path out = Folders.writable(TrendsKeys.OUT.name(), Path.of(s.get(TrendsKeys.OUT)));
            int shown = TrendsReport.write(history, plan, out);
            System.out.println("trends: " + shown + " runs and capacity results from " + history.dir() + " -> "
                    + out.resolve("index.html").toAbsolutePath().toUri());
            return Command.OK;
        });
    }
}
