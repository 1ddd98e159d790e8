package rdmloadtest.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import rdmloadtest.config.ConfigException;
import rdmloadtest.feeders.DataFileException;

class CommandTest {
    private static String stderrOf(Runnable r) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aConfigurationErrorIsOneLineAndExitsOne() {
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = Command.run("datagen", s -> {
            throw new ConfigException("datagen.records='abc' (system property -Ddatagen.records): expected an integer");
        }));
        assertEquals(Command.USAGE, status[0]);
        assertEquals(
                "rdm-loadtest: datagen.records='abc' (system property -Ddatagen.records): expected an integer\n", err);
    }

    @Test
    void aBadDataFileIsAUsageErrorToo() {
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = Command.run("seed", s -> {
            throw new DataFileException(Path.of("data/x/records.jsonl"), 3, "not JSON");
        }));
        assertEquals(Command.USAGE, status[0]);
        assertEquals("rdm-loadtest: data/x/records.jsonl:3: not JSON\n", err);
    }

    @Test
    void theBodysStatusIsTheCommandsAndACrashIsFour() {
        assertEquals(Command.GATE_FAILED, Command.run("merge", s -> Command.GATE_FAILED));
        assertEquals(Command.INVALID, Command.run("capacity", s -> Command.INVALID));
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = Command.run("harvest", s -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(Command.FAILED, status[0]);
        assertTrue(err.startsWith("rdm-loadtest: harvest failed: java.lang.IllegalStateException: boom"), err);
    }
}
