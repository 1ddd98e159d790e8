package rdmloadtest.mix;

import java.util.List;

/** docs/traffic.md's table of journeys, written from the catalogue (scripts/update-config-table.sh prints it). */
public final class JourneyTable {
    private JourneyTable() {}

    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| Journey | Id (`-Djourney=`) | Key | Default | Always sends | SLO groups | Writes |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (Journey j : Journey.values()) {
            b.append("| ")
                    .append(j.label())
                    .append(" | `")
                    .append(j.id())
                    .append("` | `")
                    .append(j.key().name())
                    .append(j.rate().map(r -> "`, `" + r.name()).orElse(""))
                    .append("` | ")
                    .append(j.defaultLoad())
                    .append(j.arrival() == Journey.Arrival.WEIGHT ? "" : j.defaultLoad() == 1 ? " user" : " users")
                    .append(" | ")
                    .append(quoted(j.alwaysSent()))
                    .append(" | ")
                    .append(String.join(", ", j.sloGroups()))
                    .append(" | ")
                    .append(j.writes() ? "yes" : "no")
                    .append(" |\n");
        }
        return b.toString();
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }

    public static void main(String[] args) {
        System.out.print(markdown());
        System.out.flush();
    }
}
