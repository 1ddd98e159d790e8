package rdmloadtest.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A command's folders, checked before any load, write or long computation: the ones it reads exist, the ones it writes
 * can be written, and a folder that already holds results is not overwritten unless the user said so.
 */
public final class Folders {
    private Folders() {}

    /** {@code dir} exists and is a folder; {@code expected} says what it should hold. */
    public static Path existing(String key, Path dir, String expected) {
        if (!Files.isDirectory(dir))
            throw new ConfigException(key + "='" + dir + "': " + (Files.exists(dir) ? "not a folder" : "no such folder")
                    + "; expected " + expected);
        return dir;
    }

    /** {@code file} exists and is a file. */
    public static Path existingFile(String key, Path file, String expected) {
        if (!Files.isRegularFile(file))
            throw new ConfigException(key + "='" + file + "': " + (Files.exists(file) ? "not a file" : "no such file")
                    + "; expected " + expected);
        return file;
    }

    /**
     * {@code dir} is a folder this process can create (if missing) and write into. Nothing is left behind: the check
     * writes and deletes one empty file in the nearest folder that exists.
     */
    public static Path writable(String key, Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) {
            throw new ConfigException(key + "='" + dir + "': cannot be created (" + existing
                    + " is not a folder); expected a folder to write into");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".rdm-loadtest-", ".probe"));
        } catch (IOException | SecurityException e) {
            throw new ConfigException(key + "='" + dir + "': cannot write into " + existing + " ("
                    + e.getClass().getSimpleName() + "); expected a writable folder");
        }
        return dir;
    }

    /**
     * {@code dir} is writable and holds no earlier results (it is missing or empty), unless {@code overwrite}: a rerun
     * must not mix its files with, or silently replace, the last one's.
     */
    public static Path fresh(String key, Path dir, Key<Boolean> overwriteKey, boolean overwrite) {
        writable(key, dir);
        if (overwrite || !Files.isDirectory(dir)) return dir;
        try (Stream<Path> files = Files.list(dir)) {
            if (files.findAny().isPresent()) {
                throw new ConfigException(key + "='" + dir + "': not empty (earlier results); pick a new folder, or set"
                        + " -D" + overwriteKey.name() + "=true to replace them");
            }
        } catch (IOException e) {
            throw new ConfigException(key + "='" + dir + "': cannot list it (" + e.getMessage() + ")");
        }
        return dir;
    }
}
