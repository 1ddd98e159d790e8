package rdmloadtest.calibrate;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import rdmloadtest.mix.Journey;

/**
 * What a request is, in the toolkit's terms: the SLO groups the simulations send (search, record view, download,
 * communities, deposit, dashboard, harvest, web pages, IIIF images, static files), and what they do not send.
 */
enum VisitClass {
    SEARCH("search", true, true, List.of(Journey.SEARCH)),
    RECORD_VIEW("record view", true, true, List.of(Journey.RECORD_VIEW)),
    DOWNLOAD("download", true, true, List.of(Journey.DOWNLOAD)),
    COMMUNITIES("communities", true, true, List.of(Journey.COMMUNITIES)),
    DEPOSIT("deposit", true, false, List.of()),
    DASHBOARD("dashboard", true, false, List.of()),
    HARVEST("harvest", true, false, List.of()),
    UI(
            "web pages",
            true,
            true,
            List.of(
                    Journey.LANDING_PAGE,
                    Journey.SEARCH_PAGE,
                    Journey.FRONT_PAGE,
                    Journey.COMMUNITY_PAGES,
                    Journey.UPLOADS)),
    IIIF("iiif", true, true, List.of(Journey.IIIF)),
    STATIC("static files", true, true, List.of()),
    OTHER_API("other API", false, false, List.of()),
    /** Not classified: listed with its route in the report. */
    OTHER("other", false, false, List.of());

    final String label;
    /** Whether the simulations send this class (what the fidelity check compares). */
    final boolean generated;
    /** Whether the readers' sessions (API, web and IIIF journeys) send it: what the readers' rate counts. */
    final boolean reader;
    /** The reader journeys whose weights follow this class's share: those that start with it. */
    final List<Journey> weighs;

    VisitClass(String label, boolean generated, boolean reader, List<Journey> weighs) {
        this.label = label;
        this.generated = generated;
        this.reader = reader;
        this.weighs = weighs;
    }

    /** The class whose share a reader journey's weight follows (the class it starts with). */
    static Optional<VisitClass> weighing(Journey j) {
        return Arrays.stream(values()).filter(c -> c.weighs.contains(j)).findFirst();
    }
}
