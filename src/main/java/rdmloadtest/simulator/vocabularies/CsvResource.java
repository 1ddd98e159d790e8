package rdmloadtest.simulator.vocabularies;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A table the simulator ships on its classpath (simulator/*.csv), read by its header row. */
final class CsvResource {
    private CsvResource() {}

    static List<CSVRecord> read(String resource) {
        try (Reader r = new InputStreamReader(
                CsvResource.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)
                    .getRecords();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
