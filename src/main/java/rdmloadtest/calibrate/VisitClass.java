package rdmloadtest.calibrate;

import java.util.Arrays;
import java.util.Optional;
import rdmloadtest.mix.Journey;

/**
 * What a request is, in the toolkit's terms: the SLO groups the simulations send (search, record view, download,
 * communities, deposit, dashboard, harvest), and what they do not send yet (web pages, IIIF images, static files).
 */
enum VisitClass {
    SEARCH("search", true, Journey.SEARCH),
    RECORD_VIEW("record view", true, Journey.RECORD_VIEW),
    DOWNLOAD("download", true, Journey.DOWNLOAD),
    COMMUNITIES("communities", true, Journey.COMMUNITIES),
    DEPOSIT("deposit", true, null),
    DASHBOARD("dashboard", true, null),
    HARVEST("harvest", true, null),
    UI("web pages", false, null),
    IIIF("iiif", false, null),
    STATIC("static files", false, null),
    OTHER_API("other API", false, null),
    /** Not classified: listed with its route in the report. */
    OTHER("other", false, null);

    final String label;
    /** Whether the simulations send this class (what the fidelity check compares). */
    final boolean generated;
    /** The reader journey that starts with this class: its calibrated weight is this class's share (or none). */
    final Journey startOf;

    VisitClass(String label, boolean generated, Journey startOf) {
        this.label = label;
        this.generated = generated;
        this.startOf = startOf;
    }

    /** The class a reader journey starts with, when calibration weighs it from the logs. */
    static Optional<VisitClass> startingWith(Journey j) {
        return Arrays.stream(values()).filter(c -> c.startOf == j).findFirst();
    }
}
