package rdmloadtest.datagen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Search queries drawn from the corpus so they hit: bounded reservoir samples (Algorithm R, 2000 each) of title
 * words, adjacent title-word pairs, creator names and subjects, whatever the corpus size. The generator and the
 * harvester feed it the same way.
 */
public final class QueryTerms {

    static final int RESERVOIR = 2000;
    private static final Set<String> STOP_WORDS = Set.of(
            "of", "in", "for", "and", "from", "under", "across", "during", "with", "the", "an", "a", "to", "on", "at",
            "by");

    private final SplittableRandom random;
    private final Reservoir<String> words;
    private final Reservoir<String> phrases;
    private final Reservoir<String> sameTitlePairs;
    private final Reservoir<String> creators;
    private final Reservoir<String> subjects;

    public QueryTerms(long seed) {
        random = new SplittableRandom(FileContent.mix64(seed ^ 0x51A7E5EEDL));
        words = new Reservoir<>(random);
        phrases = new Reservoir<>(random);
        sameTitlePairs = new Reservoir<>(random);
        creators = new Reservoir<>(random);
        subjects = new Reservoir<>(random);
    }

    public void offerTitle(String title) {
        List<String> tokens = new ArrayList<>();
        String previous = null;
        for (String raw : title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            boolean keep = raw.length() >= 3 && !STOP_WORDS.contains(raw);
            if (keep) {
                words.offer(raw);
                tokens.add(raw);
                if (previous != null) {
                    phrases.offer(previous + " " + raw);
                }
            }
            previous = keep ? raw : null;
        }
        if (tokens.size() >= 2) {
            String a = tokens.get(random.nextInt(tokens.size()));
            String b = tokens.get(random.nextInt(tokens.size()));
            if (!a.equals(b)) {
                sameTitlePairs.offer(a + " " + b);
            }
        }
    }

    /** A personal name as InvenioRDM stores it: "Family, Given". */
    public void offerCreatorName(String name) {
        creators.offer(name);
    }

    public void offerSubject(String subject) {
        subjects.offer(subject);
    }

    /**
     * Up to {@code count} distinct queries as (kind, q): term 35 %, phrase 20 %, field 20 %, boolean 15 %,
     * wildcard 10 %; a kind with nothing sampled is skipped.
     */
    public List<String[]> queries(int count) {
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> out = new ArrayList<>();
        if (words.isEmpty()) {
            return out;
        }
        for (int attempt = 0; attempt < count * 5 && out.size() < count; attempt++) {
            int roll = random.nextInt(100);
            String kind;
            String q;
            if (roll < 35) {
                kind = "term";
                q = words.any();
            } else if (roll < 55) {
                if (phrases.isEmpty()) {
                    continue;
                }
                kind = "phrase";
                q = "\"" + phrases.any() + "\"";
            } else if (roll < 75) {
                kind = "field";
                boolean byCreator = !creators.isEmpty() && (subjects.isEmpty() || random.nextBoolean());
                if (byCreator) {
                    q = "metadata.creators.person_or_org.name:\"" + creators.any() + "\"";
                } else if (!subjects.isEmpty()) {
                    q = "metadata.subjects.subject:\"" + subjects.any() + "\"";
                } else {
                    continue;
                }
            } else if (roll < 90) {
                kind = "boolean";
                if (random.nextBoolean() && !sameTitlePairs.isEmpty()) {
                    q = sameTitlePairs.any().replace(" ", " AND ");
                } else {
                    q = words.any() + " OR " + words.any();
                }
            } else {
                kind = "wildcard";
                String w = words.any();
                if (w.length() < 5) {
                    continue;
                }
                q = w.substring(0, 4) + "*";
            }
            if (seen.add(kind + "\u0000" + q)) {
                out.add(new String[] {kind, q});
            }
        }
        return out;
    }

    /** Algorithm R: a uniform sample of at most {@link #RESERVOIR} items from a stream of unknown length. */
    private static final class Reservoir<T> {
        private final SplittableRandom random;
        private final List<T> items = new ArrayList<>();
        private long seen;

        Reservoir(SplittableRandom random) {
            this.random = random;
        }

        void offer(T item) {
            seen++;
            if (items.size() < RESERVOIR) {
                items.add(item);
            } else {
                long j = random.nextLong(seen);
                if (j < RESERVOIR) {
                    items.set((int) j, item);
                }
            }
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        T any() {
            return items.get(random.nextInt(items.size()));
        }
    }
}
