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

    private Command() {}

    /** Runs {@code body} with the process's configuration and exits the JVM with its status. */
    public static void main(String command, Body body) {
        int status = run(command, body);
        System.out.flush();
        System.exit(status);
    }

    /** Runs {@code body} and returns its status (for tests and in-process launchers). */
    public static int run(String command, Body body) {
        try {
            return body.run(new Settings(ConfigSource.fromProcess()));
        } catch (ConfigException e) {
            System.err.println("rdm-loadtest: " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            System.err.println("rdm-loadtest: " + command + " failed: " + e);
            e.printStackTrace();
            return FAILED;
        }
    }
}
