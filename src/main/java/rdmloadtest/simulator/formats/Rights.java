package rdmloadtest.simulator.formats;

/** The Creative Commons rights of the licenses vocabulary, by id ("cc-by-nc-sa-4.0"). */
final class Rights {
    private Rights() {}

    static boolean isCreativeCommons(String id) {
        return id.startsWith("cc-");
    }

    /** https://creativecommons.org/licenses/by-nc-sa/4.0/ for cc-by-nc-sa-4.0. */
    static String ccUrl(String id) {
        int v = id.lastIndexOf('-');
        return "https://creativecommons.org/licenses/" + id.substring(3, v) + "/" + id.substring(v + 1) + "/";
    }

    /** The Creative Commons licence's title in the licenses vocabulary. */
    static String ccTitle(String id) {
        int v = id.lastIndexOf('-');
        StringBuilder b = new StringBuilder("Creative Commons");
        for (String part : id.substring(3, v).split("-"))
            b.append(
                    switch (part) {
                        case "by" -> " Attribution";
                        case "nc" -> " Non Commercial";
                        case "sa" -> " Share Alike";
                        case "nd" -> " No Derivatives";
                        default -> " " + part;
                    });
        return b.append(' ')
                .append(id.substring(v + 1))
                .append(" International")
                .toString();
    }
}
