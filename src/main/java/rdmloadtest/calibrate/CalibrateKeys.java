package rdmloadtest.calibrate;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** mvn -q exec:java@calibrate: a workload from an InvenioRDM's access logs (docs/calibration.md). */
public final class CalibrateKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<List<String>> LOGS = KEYS.add(
            "calibrate.log",
            null,
            "calibrate: access log files (plain or .gz), comma-separated, read in order; required.",
            list());
    public static final Key<String> OUT = KEYS.add(
            "calibrate.out",
            null,
            "calibrate: directory for the profile, the feeders and the calibration report; required.",
            text());
    public static final Key<Boolean> OVERWRITE = KEYS.add(
            "calibrate.overwrite",
            "false",
            "calibrate: replace what is already in calibrate.out (refused otherwise).",
            bool());
    public static final Key<String> FORMAT = KEYS.add(
            "calibrate.format",
            "auto",
            "calibrate: log format: auto (detected from the first lines), combined (nginx, Apache, gunicorn), json"
                    + " (JSON lines), uwsgi.",
            choice("auto", "combined", "json", "uwsgi"));
    public static final Key<Double> MAX_UNPARSEABLE = KEYS.add(
            "calibrate.maxUnparseablePct",
            "5",
            "calibrate: stop when more than this share (%) of the lines cannot be read.",
            decimal(0, 100));
    public static final Key<Boolean> KEEP_PERSONAL = KEYS.add(
            "calibrate.keepPersonalQueries",
            "false",
            "calibrate: keep search queries that look personal (an e-mail address, a phone number, a token)"
                    + " in the query feeder.",
            bool());
    public static final Key<Boolean> CHECK = KEYS.add(
            "calibrate.check",
            "false",
            "calibrate: then run the calibrated profile against the embedded simulator and compare its access log"
                    + " with the real one (shares per class, popularity exponent).",
            bool());
    public static final Key<Duration> CHECK_DURATION =
            KEYS.add("calibrate.checkDuration", "60s", "calibrate: length of each fidelity run.", duration());
    public static final Key<Integer> CHECK_ROUNDS = KEYS.add(
            "calibrate.checkRounds",
            "4",
            "calibrate: fidelity runs at most, each correcting the weights, the exponent and the web shape by what"
                    + " the runs so far measured.",
            integer(1, 10));
    public static final Key<Double> CHECK_RATE = KEYS.add(
            "calibrate.checkRate",
            "40",
            "calibrate: reader sessions per second a fidelity run starts at least (the profile's rate when higher):"
                    + " the shares do not depend on the rate, their sampling errors on the sessions run.",
            decimal(1, 10_000));

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
