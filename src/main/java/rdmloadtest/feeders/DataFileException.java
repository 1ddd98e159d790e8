package rdmloadtest.feeders;

import java.nio.file.Path;
import rdmloadtest.config.ConfigException;

/**
 * A data file that is missing, malformed or truncated; the message is one line: {@code file:line: problem}. It is the
 * user's input, so it counts as a configuration error (exit 1, before any load).
 */
public class DataFileException extends ConfigException {

    public DataFileException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
    }

    public DataFileException(Path file, long line, String problem, Throwable cause) {
        // Line 0: the whole file (missing, unreadable), not one of its lines.
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    }

    /** For problems that concern the whole file (missing, unreadable) rather than one line. */
    public static DataFileException whole(Path file, String problem, Throwable cause) {
        return new DataFileException(file, 0, problem, cause);
    }
}
