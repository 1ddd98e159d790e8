package rdmloadtest.gatling;

import io.gatling.app.Gatling$;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import scala.Console$;
import scala.Function0;

/**
 * Runs a simulation in this JVM (tests, the capacity search, the merge's report) through Gatling's command-line entry,
 * the one public way in. Gatling's console goes where the caller says; Scala's Console keeps the stream of its first
 * use, so it is switched too.
 */
public final class GatlingLauncher {
    /** The main class of Gatling itself, which gatling-maven-plugin forks and the injector image starts. */
    public static final String MAIN = "io.gatling.app.Gatling";

    /** Gatling's own status: the run went through (our gate decides the verdict). */
    public static final int OK = 0;
    /** Gatling's own status when its command line is wrong. */
    public static final int BAD_ARGUMENTS = 1;

    private GatlingLauncher() {}

    /**
     * @param simulation the simulation class, or null for a reports-only run of {@code reportsOnly}
     * @param console where Gatling's console goes (System.out to leave it)
     * @return Gatling's status; a crash in the simulation (e.g. its configuration) is thrown
     */
    public static synchronized int run(
            String simulation,
            Path resultsFolder,
            String description,
            boolean reports,
            String reportsOnly,
            PrintStream console) {
        List<String> args = new ArrayList<>();
        if (simulation != null) args.addAll(List.of("--simulation", simulation));
        args.addAll(List.of("--results-folder", resultsFolder.toAbsolutePath().toString()));
        if (description != null) args.addAll(List.of("--run-description", description));
        if (!reports) args.add("--no-reports");
        if (reportsOnly != null) args.addAll(List.of("--reports-only", reportsOnly));
        RunEnd.prepareInProcessRun();
        PrintStream original = System.out;
        System.setOut(console);
        try {
            return Console$.MODULE$.withOut(
                    console, (Function0<Integer>) () -> Gatling$.MODULE$.fromArgs(args.toArray(String[]::new)));
        } finally {
            System.setOut(original);
        }
    }

    /** A run of {@code simulation} with its report, console to System.out. */
    public static int run(String simulation, Path resultsFolder) {
        return run(simulation, resultsFolder, null, true, null, System.out);
    }
}
