package rdmloadtest.simulator.formats;

import java.util.Map;

/** pycountry's names of the ISO 639-3 languages the generated data uses. */
final class Languages {
    private static final Map<String, String> NAMES = Map.of(
            "eng", "English",
            "deu", "German",
            "fra", "French",
            "spa", "Spanish",
            "ita", "Italian",
            "nor", "Norwegian",
            "tur", "Turkish",
            "ara", "Arabic",
            "por", "Portuguese",
            "nld", "Dutch");

    private Languages() {}

    /** The language's English name, or null when it is not one of these. */
    static String name(String id) {
        return NAMES.get(id);
    }
}
