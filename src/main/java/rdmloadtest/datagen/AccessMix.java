package rdmloadtest.datagen;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which access a parent's records get, in percent of parents: the four {@code access.status} values InvenioRDM
 * computes, with "restricted" split into restricted files (the record public) and a restricted record (hidden from
 * anonymous searches).
 */
public record AccessMix(Map<Kind, Double> percent) {

    public enum Kind {
        OPEN("open"),
        METADATA_ONLY("metadata-only"),
        RESTRICTED_FILES("restricted-files"),
        EMBARGOED("embargoed"),
        RESTRICTED_RECORD("restricted-record");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The kind of a record by its {@code access.record} and {@code access.status}. */
        public static Kind of(String recordAccess, String status) {
            if ("embargoed".equals(status)) return EMBARGOED;
            if ("restricted".equals(recordAccess)) return RESTRICTED_RECORD;
            if ("metadata-only".equals(status)) return METADATA_ONLY;
            if ("open".equals(status)) return OPEN;
            return RESTRICTED_FILES;
        }
    }

    /** Our assumption for a general repository (data/README.md). */
    public static final String DEFAULT = "open=74,metadata-only=10,restricted-files=8,embargoed=5,restricted-record=3";

    /** Parses {@code open=74,metadata-only=10,...}: every kind at most once, the rest 0, the sum 100. */
    public static AccessMix parse(String text) {
        Map<Kind, Double> percent = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) percent.put(k, 0.0);
        String expected = "expected percentages summing to 100, e.g. " + DEFAULT;
        double sum = 0;
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            Kind kind = Arrays.stream(Kind.values())
                    .filter(k -> k.id.equals(kv[0].trim().toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + kv[0].trim() + "' is not one of "
                            + Arrays.stream(Kind.values()).map(Kind::id).collect(Collectors.joining(", "))
                            + "; " + expected));
            double v;
            try {
                v = kv.length == 2 ? Double.parseDouble(kv[1].trim()) : Double.NaN;
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!(v >= 0 && v <= 100))
                throw new IllegalArgumentException(kind.id + " needs a number 0-100; " + expected);
            percent.put(kind, v);
            sum += v;
        }
        if (Math.abs(sum - 100) > 1e-6)
            throw new IllegalArgumentException("the shares sum to " + sum + "; " + expected);
        return new AccessMix(percent);
    }

    /**
     * Draws a kind. A whole-number roll 0..99 decides unless a threshold falls inside its unit, and only then a
     * fraction is drawn: whole-number percentages (the default) draw exactly what the generator always drew.
     */
    Kind pick(Draw draw) {
        int roll = draw.nextInt(100);
        double fraction = -1;
        double threshold = 0;
        Kind[] kinds = Kind.values();
        for (int i = 0; i < kinds.length - 1; i++) {
            threshold += percent.get(kinds[i]);
            if (threshold >= roll + 1) return kinds[i];
            if (threshold > roll) {
                if (fraction < 0) fraction = draw.nextDouble();
                if (fraction < threshold - roll) return kinds[i];
            }
        }
        return kinds[kinds.length - 1];
    }

    @Override
    public String toString() {
        return percent.entrySet().stream()
                .map(e -> e.getKey().id + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
