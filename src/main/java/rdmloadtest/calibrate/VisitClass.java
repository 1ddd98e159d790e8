package rdmloadtest.calibrate;

/**
 * What a request is, in the toolkit's terms: the SLO groups the simulations send (search, record view, download,
 * communities, deposit, dashboard, harvest), and what they do not send yet (web pages, IIIF images, static files).
 */
enum VisitClass {
    SEARCH("search", true),
    RECORD_VIEW("record view", true),
    DOWNLOAD("download", true),
    COMMUNITIES("communities", true),
    DEPOSIT("deposit", true),
    DASHBOARD("dashboard", true),
    HARVEST("harvest", true),
    UI("web pages", false),
    IIIF("iiif", false),
    STATIC("static files", false),
    OTHER_API("other API", false),
    /** Not classified: listed with its route in the report. */
    OTHER("other", false);

    final String label;
    /** Whether the simulations send this class (what the fidelity check compares). */
    final boolean generated;

    VisitClass(String label, boolean generated) {
        this.label = label;
        this.generated = generated;
    }
}
