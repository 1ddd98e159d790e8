package rdmloadtest.calibrate;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import rdmloadtest.config.ConfigException;

/** Streams access logs (plain or gzip, by content) line by line into {@link LogStats}; nothing is kept but counts. */
final class LogReader {
    private static final int SAMPLE = 200;

    private LogReader() {}

    /**
     * @param format null: detect it from the first lines of the first file
     * @return the format read
     */
    static LogFormat read(List<Path> files, LogFormat format, LogStats stats, double maxUnparseablePct)
            throws IOException {
        for (Path f : files)
            if (!Files.isReadable(f))
                throw new ConfigException(CalibrateKeys.LOGS.name() + ": " + f + ": no such readable file");
        LogFormat fmt = format;
        for (Path f : files) {
            try (BufferedReader in = open(f)) {
                List<String> sample = new ArrayList<>();
                String line;
                while (sample.size() < SAMPLE && (line = in.readLine()) != null) sample.add(line);
                if (fmt == null) {
                    List<String> nonBlank =
                            sample.stream().filter(l -> !l.isBlank()).toList();
                    Optional<LogFormat> detected = nonBlank.isEmpty() ? Optional.empty() : LogFormat.detect(nonBlank);
                    fmt = detected.orElseThrow(() -> new ConfigException(CalibrateKeys.LOGS.name() + ": " + f
                            + ": not an access log format calibrate reads; supported: " + LogFormat.supported()
                            + " (docs/calibration.md shows a line of each)"));
                }
                long n = 0;
                for (String s : sample) take(fmt, s, ++n, stats);
                while ((line = in.readLine()) != null) take(fmt, line, ++n, stats);
            }
        }
        if (stats.lines > 0 && 100.0 * stats.unparseable / stats.lines > maxUnparseablePct)
            throw new ConfigException(CalibrateKeys.LOGS.name() + ": " + stats.unparseable + " of " + stats.lines
                    + " lines (" + String.format(Locale.ROOT, "%.1f", 100.0 * stats.unparseable / stats.lines)
                    + " %) are not " + fmt.id() + " lines (more than " + CalibrateKeys.MAX_UNPARSEABLE.name() + "="
                    + maxUnparseablePct + " %); supported: " + LogFormat.supported() + "; first: "
                    + String.join(" | ", stats.firstUnparseable));
        return fmt;
    }

    private static void take(LogFormat fmt, String line, long number, LogStats stats) {
        stats.lines++;
        if (line.isBlank()) {
            stats.lines--;
            return;
        }
        Optional<Hit> h = fmt.parse(line);
        if (h.isPresent()) stats.add(h.get());
        else stats.unparseable(number, line);
    }

    static BufferedReader open(Path f) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 20);
    }
}
