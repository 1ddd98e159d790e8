package rdmloadtest.calibrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Folders;
import rdmloadtest.config.Settings;

/**
 * {@code mvn -q exec:java@calibrate -Dcalibrate.log=FILE[,FILE...] -Dcalibrate.out=DIR [-Dcalibrate.check=true]}:
 * reads an InvenioRDM's access logs (nginx combined or JSON lines, gunicorn, uWSGI; plain or gzip; streamed) and
 * writes the workload they describe: a profile the simulations take as it is, feeders (record popularity, search
 * queries) and a report. With calibrate.check, runs the profile against the embedded simulator and compares.
 */
public final class CalibrateMain {
    private CalibrateMain() {}

    public static void main(String[] args) {
        Command.main("calibrate", CalibrateMain::run);
    }

    static int run(Settings s) throws IOException {
        List<Path> logs = s
                .find(CalibrateKeys.LOGS)
                .orElseThrow(() -> new ConfigException(CalibrateKeys.LOGS.name()
                        + ": no value; expected the access log file(s) to read, e.g. /var/log/nginx/access.log.1.gz"))
                .stream()
                .map(Path::of)
                .toList();
        Path out = Path.of(s.find(CalibrateKeys.OUT)
                .orElseThrow(() -> new ConfigException(CalibrateKeys.OUT.name()
                        + ": no value; expected the directory for the profile, feeders and report")));
        for (Path log : logs) Folders.existingFile(CalibrateKeys.LOGS.name(), log, "an access log (plain or .gz)");
        Folders.fresh(CalibrateKeys.OUT.name(), out, CalibrateKeys.OVERWRITE, s.get(CalibrateKeys.OVERWRITE));
        String format = s.get(CalibrateKeys.FORMAT);
        LogStats stats = new LogStats(s.get(CalibrateKeys.KEEP_PERSONAL));
        long t0 = System.nanoTime();
        LogFormat read = LogReader.read(
                logs,
                format.equals("auto") ? null : LogFormat.byId(format).orElseThrow(),
                stats,
                s.get(CalibrateKeys.MAX_UNPARSEABLE));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Calibration c = Calibration.of(stats);
        System.out.printf(
                Locale.ROOT,
                "calibrate: %d lines (%s) in %.1f s (%.0f lines/s): %d requests, %d unparseable, %.2f %% classified,"
                        + " %s to %s%n",
                stats.lines,
                read.id(),
                seconds,
                stats.lines / Math.max(seconds, 1e-9),
                stats.parsed,
                stats.unparseable,
                c.classifiedPct(),
                c.from(),
                c.to());
        if (!stats.firstUnparseable.isEmpty())
            System.out.println("calibrate: unparseable, first: " + String.join(" | ", stats.firstUnparseable));
        if (stats.parsed == 0) throw new ConfigException(CalibrateKeys.LOGS.name() + ": no request in " + logs);
        Files.createDirectories(out);
        CalibrationReport.feeders(out, stats);
        Profile p = Profile.from(c);
        Path profileFile = out.resolve("calibrated.properties");
        String provenance = "from " + logs.size() + " log file(s), format " + read.id();
        p.write(profileFile, c, provenance);
        Fidelity fidelity = null;
        if (s.get(CalibrateKeys.CHECK)) {
            Profile best = p;
            Corrections corrections = new Corrections(c, s.get(CalibrateKeys.CHECK_RATE));
            List<Path> sameProfile = new ArrayList<>();
            for (int round = 1; round <= s.get(CalibrateKeys.CHECK_ROUNDS); round++) {
                System.out.println("calibrate: fidelity run " + round + " of at most "
                        + s.get(CalibrateKeys.CHECK_ROUNDS) + " ("
                        + s.get(CalibrateKeys.CHECK_DURATION).toSeconds() + " s against the embedded simulator)");
                FidelityRun.Outcome o = FidelityRun.run(
                        out.resolve("fidelity-" + round),
                        profileFile,
                        p,
                        s.get(CalibrateKeys.CHECK_DURATION),
                        s.get(CalibrateKeys.CHECK_RATE));
                sameProfile.add(o.accessLog());
                FidelityRun.Judged judged = sameProfile.size() == 1
                        ? new FidelityRun.Judged(o.calibration(), o.sampled())
                        : FidelityRun.together(sameProfile, p.weights());
                Fidelity f = Fidelity.compare(
                        round, sameProfile.size(), c, judged.calibration(), judged.sampled(), o.requestsPerSession());
                System.out.print(f.table());
                System.out.println("calibrate: fidelity run " + round
                        + (sameProfile.size() > 1 ? " (with the " + (sameProfile.size() - 1) + " before it)" : "")
                        + ": " + f.verdict());
                corrections.add(p, o);
                // The round that passed, else the one that missed least.
                if (fidelity == null || f.passed() || f.worst() < fidelity.worst()) {
                    fidelity = f;
                    best = p.measured(o.requestsPerSession(), c.peakReaderRps());
                }
                if (f.passed()) break;
                // Nothing missed, but too few samples to say: the same profile again, read with this run.
                if (f.noMiss()) continue;
                sameProfile.clear();
                p = corrections.next(p, o.requestsPerSession());
                p.write(profileFile, c, provenance + ", corrected after fidelity run " + round);
            }
            p = best;
            p.write(profileFile, c, provenance + ", checked in fidelity run " + fidelity.round());
        }
        CalibrationReport.write(out, c, p, fidelity);
        System.out.println("calibrate: shares of the classes the simulations send (%): " + shares(c));
        System.out.printf(
                Locale.ROOT,
                "calibrate: Zipf exponent %.3f (%d records); peak hour %02d:00 UTC, peak-to-mean %.2f%n",
                c.zipf().exponent(),
                c.zipf().records(),
                c.peakHour(),
                c.peakToMean());
        System.out.println("calibrate: profile " + profileFile + "; report "
                + out.resolve("calibration.html").toUri());
        if (fidelity != null) {
            System.out.println("calibrate: fidelity (round " + fidelity.round() + "): " + fidelity.verdict()
                    + " (shares ±2 pp, exponent ±0.1, pages per visit ±10 %; shares and pages per visit with two"
                    + " standard errors of the run's sampling)");
            return exitCode(fidelity);
        }
        return Command.OK;
    }

    /**
     * The fidelity check's verdict: a class, the exponent or the pages per visit out of tolerance fail it, and so does
     * a figure the run held too few samples of to judge (passing it would say what the run did not show).
     */
    static int exitCode(Fidelity f) {
        return f.passed() ? Command.OK : Command.GATE_FAILED;
    }

    private static String shares(Calibration c) {
        StringBuilder b = new StringBuilder();
        c.generatedShares().forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s %.1f, ", k, v)));
        return b.length() > 2 ? b.substring(0, b.length() - 2) : "";
    }
}
