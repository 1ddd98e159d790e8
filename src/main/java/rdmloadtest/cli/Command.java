package rdmloadtest.cli;

import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;

/**
 * The entry of every command: the process's configuration in, one exit status out, errors reported once here.
 *
 * <table>
 *   <caption>Exit status</caption>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>configuration or usage error, found before any load was sent</td></tr>
 *   <tr><td>2</td><td>the gate failed: an SLO, a regression against the baseline, a difference found</td></tr>
 *   <tr><td>3</td><td>INVALID: the injector, not the target, was the limit; no verdict or capacity given</td></tr>
 *   <tr><td>4</td><td>the command failed for another reason (I/O, an unexpected error; the stack trace follows)</td></tr>
 * </table>
 */
public final class Command {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int GATE_FAILED = 2;
    public static final int INVALID = 3;
    public static final int FAILED = 4;

    /** A command's work; it returns its exit status and throws {@link ConfigException} for bad input. */
    @FunctionalInterface
    public interface Body {
        int run(Settings settings) throws Exception;
    }

    /** Set on a thread that runs a command's main in-process ({@link #status}): its status is thrown, not exited. */
    private static final ThreadLocal<Boolean> IN_PROCESS = ThreadLocal.withInitial(() -> false);

    private static final class Exit extends RuntimeException {
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private Command() {}

    /** Runs {@code body} with the process's configuration and exits the JVM with its status. */
    public static void main(String command, Body body) {
        int status = run(command, body);
        System.out.flush();
        if (IN_PROCESS.get()) throw new Exit(status);
        System.exit(status);
    }

    /** Runs a command's {@code main} in this JVM and returns the status it would have exited with (for tests). */
    public static int status(Runnable main) {
        boolean outer = IN_PROCESS.get();
        IN_PROCESS.set(true);
        try {
            main.run();
            throw new IllegalStateException("the command returned without an exit status (not run through Command)");
        } catch (Exit e) {
            return e.status;
        } finally {
            IN_PROCESS.set(outer);
        }
    }

    /** Runs {@code body} and returns its status (for tests and in-process launchers). */
    public static int run(String command, Body body) {
        try {
            return body.run(new Settings(ConfigSource.fromProcess()));
        } catch (Exception e) {
            // Bad input found inside a library's call (Gatling builds the simulations by reflection) is still bad
            // input.
            ConfigException usage = usageError(e);
            if (usage != null) {
                System.err.println("rdm-loadtest: " + usage.getMessage());
                return USAGE;
            }
            System.err.println("rdm-loadtest: " + command + " failed: " + e);
            e.printStackTrace();
            return FAILED;
        }
    }

    private static ConfigException usageError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof ConfigException e) return e;
        return null;
    }
}
