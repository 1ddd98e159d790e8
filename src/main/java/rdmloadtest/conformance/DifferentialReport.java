package rdmloadtest.conformance;

import java.time.Instant;
import java.util.List;

/** The differential check's report in Markdown: the differences, the accepted ones, and every step's codes. */
final class DifferentialReport {
    private DifferentialReport() {}

    static String markdown(
            String realUrl,
            String version,
            List<Step> steps,
            Side real,
            Side sim,
            List<Difference> open,
            List<Difference> accepted,
            long realMs,
            long simMs,
            Instant at) {
        StringBuilder b = new StringBuilder();
        b.append("# Differential check: InvenioRDM v").append(version).append(" vs the simulator\n\n");
        b.append("Real instance ")
                .append(realUrl)
                .append(", simulator v")
                .append(version)
                .append(" (data/default); ")
                .append(steps.size())
                .append(" steps; ")
                .append(at)
                .append(".\n");
        b.append("Sequence took ")
                .append(realMs)
                .append(" ms on the real instance, ")
                .append(simMs)
                .append(" ms on the simulator.\n\n");
        b.append("**")
                .append(open.size())
                .append(" difference")
                .append(open.size() == 1 ? "" : "s")
                .append("** (")
                .append(accepted.size())
                .append(" more accepted, listed below).\n\n");
        table(b, open, version, false);
        if (!accepted.isEmpty()) {
            b.append("\n## Accepted differences (the simulator keeps them on purpose)\n\n");
            table(b, accepted, version, true);
        }
        b.append("\n## Steps\n\n| # | Step | Real | Simulator |\n|---|---|---|---|\n");
        for (int i = 0; i < steps.size(); i++) {
            b.append("| ")
                    .append(i + 1)
                    .append(" | ")
                    .append(cell(steps.get(i).method + " " + steps.get(i).path + " — " + steps.get(i).name))
                    .append(" | ")
                    .append(code(real.outcomes.get(i)))
                    .append(" | ")
                    .append(code(sim.outcomes.get(i)))
                    .append(" |\n");
        }
        return b.toString();
    }

    private static void table(StringBuilder b, List<Difference> ds, String version, boolean withReason) {
        if (ds.isEmpty()) return;
        b.append(
                withReason
                        ? "| Step | What differs | Real | Simulator | Why it stays |\n|---|---|---|---|---|\n"
                        : "| Step | What differs | Real | Simulator |\n|---|---|---|---|\n");
        for (Difference d : ds) {
            b.append("| ")
                    .append(cell(d.step()))
                    .append(" | ")
                    .append(cell(d.aspect()))
                    .append(" | ")
                    .append(cell(d.real()))
                    .append(" | ")
                    .append(cell(d.simulator()))
                    .append(" |");
            if (withReason)
                b.append(" ")
                        .append(cell(KnownDifferences.find(d, version).reason()))
                        .append(" |");
            b.append('\n');
        }
    }

    private static String code(Side.Outcome o) {
        return o.exchange() == null
                ? cell(o.skipped())
                : String.valueOf(o.exchange().status());
    }

    private static String cell(String s) {
        String t = s.replace("|", "\\|").replace("\n", " ");
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
