package rdmloadtest.datagen;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Makes one parent's versions at a time. Every random choice comes from {@link Draw}, re-seeded per parent, so a
 * parent depends only on (seed, parent ordinal) and generation needs no memory of earlier records.
 *
 * <p>Distributions (Hipparchus), and why; what drives an InvenioRDM's cost (description length, versions, files and
 * their sizes, access, communities) comes from the {@link CorpusShape}, by default:
 * <ul>
 *   <li>versions per parent: Zipf(8, 3.0), 84 % single-version, a few with many (software releases);
 *   <li>creators per record: Zipf(15, 1.3), 36 % one creator, median 2, tail to 15;
 *   <li>which person: Zipf(persons, 0.7) over a pool of max(1000, records/2): a few prolific authors
 *       (Lotka's law), many occasional ones, each with a stable name/ORCID/affiliation;
 *   <li>title and description words: Zipf(topics, 1.0), the classic word-frequency law, so some terms hit many
 *       records and most hit few;
 *   <li>description length in words: log-normal(median 60, σ 0.9) capped at 2000: the long tail of abstracts;
 *   <li>files per record: Zipf(20, 2.0): 63 % one file, 85 % at most three, tail to 20; sizes per {@link FileType}.
 * </ul>
 */
final class RecordFactory {

    static final Instant FIRST_CREATED = Instant.parse("2016-01-01T00:00:00Z");
    static final Instant LAST_CREATED = Instant.parse("2025-06-30T00:00:00Z");
    /** Embargoes end in 2031-2035: "far ahead" so a fixed-seed set stays valid for years (§11). */
    static final LocalDate EMBARGO_FROM = LocalDate.of(2031, 1, 1);

    private final long seed;
    private final long expectedRecords;
    private final RecordIds ids;
    private final FileSizes sizes;
    private final List<GeneratedCommunity> communities;
    private final Draw draw;
    private final int personPool;

    private final CorpusShape shape;
    private final Zipf creatorCount;
    private final Zipf persons;
    private final ZipfTable topics;
    private final ZipfTable subjects;
    private final Zipf owners;
    private final Zipf communityRank;
    private final RandomDataGenerator random;
    private final Weighted<FileType> fileTypes = new Weighted<>();

    RecordFactory(
            long seed,
            long expectedRecords,
            int ownerCount,
            CorpusShape shape,
            FileSizes sizes,
            List<GeneratedCommunity> communities) {
        this.seed = seed;
        this.expectedRecords = expectedRecords;
        this.ids = new RecordIds(seed);
        this.shape = shape;
        this.sizes = sizes;
        this.communities = communities;
        this.draw = new Draw(seed);
        this.personPool = (int) Math.min(5_000_000, Math.max(1000, expectedRecords / 2));
        random = RandomDataGenerator.of(draw);
        creatorCount = new Zipf(random, 15, 1.3);
        persons = new Zipf(random, personPool, 0.7);
        topics = new ZipfTable(draw, Words.TOPICS.size(), 1.0);
        subjects = new ZipfTable(draw, Words.SUBJECTS.size(), 1.0);
        owners = new Zipf(random, ownerCount, 1.0);
        communityRank = new Zipf(random, communities.size(), 1.0);
        for (FileType type : FileType.values()) {
            fileTypes.add(type, type.weight);
        }
    }

    /** Zipf(n, s) ranks 1..n drawn from the factory's stream (rejection-inversion, O(1) a draw). */
    private record Zipf(RandomDataGenerator random, int n, double exponent) {
        int sample() {
            return random.nextZipf(n, exponent);
        }
    }

    /** The versions of parent number {@code parent}, whose first version is record number {@code firstRecord}. */
    List<Record> parent(long parent, long firstRecord, int maxVersions) {
        draw.reseed(seed, parent);
        int versionCount = Math.min(shape.versions().sample(random), maxVersions);
        Vocabulary.ResourceType type = Vocabulary.RESOURCE_TYPES.pick(draw);
        String title = title();
        List<Creator> creators = creators();
        List<Creator> contributors = contributors();
        String description = text(wordCount());
        List<Metadata.AdditionalDescription> more = new ArrayList<>();
        if (draw.chance(0.15)) {
            more.add(new Metadata.AdditionalDescription(
                    text(wordCount() / 2 + 5), draw.pick(Vocabulary.ADDITIONAL_DESCRIPTION_TYPES)));
        }
        List<Metadata.AdditionalTitle> moreTitles = new ArrayList<>();
        if (draw.chance(0.05)) {
            moreTitles.add(new Metadata.AdditionalTitle(title(), draw.pick(Vocabulary.TITLE_TYPES), "eng"));
        }
        List<String> subjectList = subjectList();
        List<String> languages = draw.chance(0.8) ? List.of(Vocabulary.LANGUAGES.pick(draw)) : List.of();
        List<String> rights = draw.chance(0.85) ? List.of(Vocabulary.LICENSES.pick(draw)) : List.of();
        List<Metadata.Funding> funding = funding();
        List<Metadata.RelatedIdentifier> related = relatedIdentifiers(type);
        String publisher = draw.chance(0.7) ? Words.PUBLISHERS.get(0) : draw.pick(Words.PUBLISHERS);
        AccessChoice choice = access();
        Access access = choice.access();
        boolean filesEnabled = choice.filesEnabled();
        String owner = Integer.toString(owners.sample());
        List<String> communityIds = communityIds();
        String parentId = ids.parent(parent);

        Instant base = createdAt(firstRecord);
        List<Record> out = new ArrayList<>(versionCount);
        for (int v = 1; v <= versionCount; v++) {
            Instant created = v == 1 ? base : base.plus(Duration.ofDays((long) (v - 1) * draw.between(7, 120)));
            if (created.isAfter(LAST_CREATED)) {
                created = LAST_CREATED.plusSeconds(v);
            }
            created = created.plusSeconds(draw.between(0, 86_399)).plusNanos(draw.between(0, 999_999) * 1000L);
            Instant updated = created.plusSeconds(draw.between(1, 3600)).plusNanos(draw.between(0, 999_999) * 1000L);
            List<Metadata.DateEntry> dates = new ArrayList<>();
            if (draw.chance(0.25)) {
                LocalDate end = LocalDate.ofInstant(created, ZoneOffset.UTC).minusDays(draw.between(10, 400));
                dates.add(new Metadata.DateEntry(end.minusDays(draw.between(1, 700)) + "/" + end, "collected"));
            }
            Metadata metadata = new Metadata(
                    type,
                    title,
                    moreTitles,
                    publicationDate(created),
                    publisher,
                    creators,
                    contributors,
                    description,
                    more,
                    subjectList,
                    languages,
                    dates,
                    related,
                    rights,
                    funding,
                    "v" + v + ".0");
            List<FileEntry> files = filesEnabled ? files(type) : List.of();
            out.add(new Record(
                    ids.record(firstRecord + v - 1),
                    parentId,
                    created,
                    updated,
                    draw.between(3, 6),
                    metadata,
                    access,
                    filesEnabled,
                    files,
                    owner,
                    communityIds,
                    v,
                    v == versionCount));
        }
        return out;
    }

    private record AccessChoice(Access access, boolean filesEnabled) {}

    /** The access mix of the shape (by default 74 % open, 10 % metadata-only, 8 % restricted files, ...). */
    private AccessChoice access() {
        return switch (shape.access().pick(draw)) {
            case OPEN -> new AccessChoice(new Access("public", "public", Access.Embargo.NONE), true);
            case METADATA_ONLY -> new AccessChoice(new Access("public", "public", Access.Embargo.NONE), false);
            case RESTRICTED_FILES -> new AccessChoice(new Access("public", "restricted", Access.Embargo.NONE), true);
            case EMBARGOED -> {
                String until =
                        EMBARGO_FROM.plusDays(draw.between(0, 5 * 365 - 1)).toString();
                Access.Embargo embargo = new Access.Embargo(true, until, draw.pick(Words.EMBARGO_REASONS));
                yield new AccessChoice(new Access("public", "restricted", embargo), true);
            }
            case RESTRICTED_RECORD ->
                new AccessChoice(new Access("restricted", "restricted", Access.Embargo.NONE), true);
        };
    }

    /** Spread creation dates evenly over 2016-2025 in ordinal order, as a repository's ids are minted over time. */
    private Instant createdAt(long recordOrdinal) {
        long span = LAST_CREATED.getEpochSecond() - FIRST_CREATED.getEpochSecond();
        long offset = (long) (span * (recordOrdinal / (double) Math.max(1, expectedRecords)));
        return FIRST_CREATED.plusSeconds(offset);
    }

    /** Mostly the creation day or a few weeks before; 5 % only year-month (EDTF allows it). */
    private String publicationDate(Instant created) {
        LocalDate day =
                LocalDate.ofInstant(created, ZoneOffset.UTC).minusDays(draw.chance(0.6) ? 0 : draw.between(1, 60));
        return draw.chance(0.05) ? day.toString().substring(0, 7) : day.toString();
    }

    private String topic() {
        return Words.TOPICS.get(topics.sample() - 1);
    }

    private String title() {
        int k = draw.between(2, 6);
        StringBuilder t = new StringBuilder(draw.pick(Words.TITLE_OPENERS));
        int connectorAt = k > 2 && draw.chance(0.6) ? draw.between(1, k - 1) : -1;
        Set<String> used = new HashSet<>();
        for (int i = 0; i < k; i++) {
            if (i == connectorAt) {
                t.append(' ').append(draw.pick(Words.CONNECTORS));
            }
            String word = topic();
            for (int retry = 0; retry < 5 && !used.add(word); retry++) {
                word = topic();
            }
            t.append(' ').append(word);
        }
        if (draw.chance(0.15)) {
            t.append(' ').append(2000 + draw.between(5, 25));
        }
        String s = t.toString().trim();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private int wordCount() {
        return shape.descriptionWords().sample(random);
    }

    /** Sentences of topic words: meaningless but searchable, with a realistic word-frequency spread. */
    private String text(int words) {
        StringBuilder s = new StringBuilder(words * 8);
        int left = words;
        boolean first = true;
        while (left > 0) {
            int sentence = Math.min(left, draw.between(6, 18));
            if (!first) {
                s.append(' ');
            }
            s.append(first ? "This work" : "It").append(' ').append(draw.pick(Words.SENTENCE_VERBS));
            for (int i = 2; i < sentence; i++) {
                s.append(' ').append(i % 4 == 3 ? draw.pick(Words.CONNECTORS) : topic());
            }
            s.append('.');
            left -= sentence;
            first = false;
        }
        return s.toString();
    }

    private List<Creator> creators() {
        int n = creatorCount.sample();
        List<Creator> out = new ArrayList<>(n);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (draw.chance(0.05)) {
                out.add(new Creator(
                        Creator.PersonOrOrg.organizational(draw.pick(Words.ORGANIZATIONS)), List.of(), null));
                continue;
            }
            int person = persons.sample();
            if (seen.add(person)) {
                out.add(person(person, null));
            }
        }
        if (out.isEmpty()) {
            out.add(person(persons.sample(), null));
        }
        return out;
    }

    private List<Creator> contributors() {
        if (!draw.chance(0.3)) {
            return List.of();
        }
        int n = draw.between(1, 3);
        List<Creator> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(person(persons.sample(), draw.pick(Vocabulary.ROLES)));
        }
        return out;
    }

    /** Person n always has the same name, ORCID (60 %) and affiliation (80 %), whatever record cites them. */
    private Creator person(int n, String role) {
        long h = FileContent.mix64(seed * 31 + n);
        String given = Words.GIVEN_NAMES.get((int) Math.floorMod(h, (long) Words.GIVEN_NAMES.size()));
        String family = Words.FAMILY_NAMES.get((int) Math.floorMod(h >>> 16, (long) Words.FAMILY_NAMES.size()));
        String orcid = Math.floorMod(h >>> 32, 10L) < 6 ? Orcid.forPerson(n, seed) : null;
        List<String> affiliations = Math.floorMod(h >>> 40, 10L) < 8
                ? List.of(Words.AFFILIATIONS.get((int) Math.floorMod(h >>> 44, (long) Words.AFFILIATIONS.size())))
                : List.of();
        return new Creator(Creator.PersonOrOrg.personal(given, family, orcid), affiliations, role);
    }

    private List<String> subjectList() {
        int n = draw.chance(0.2) ? 0 : draw.between(1, 6);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            out.add(Words.SUBJECTS.get(subjects.sample() - 1));
        }
        return List.copyOf(out);
    }

    private List<Metadata.Funding> funding() {
        if (!draw.chance(0.15)) {
            return List.of();
        }
        String number = Integer.toString(100_000_000 + draw.nextInt(9_000_000));
        String words = topic() + " " + topic() + " " + topic();
        String title = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return List.of(new Metadata.Funding(draw.pick(Words.FUNDERS), number, title));
    }

    private List<Metadata.RelatedIdentifier> relatedIdentifiers(Vocabulary.ResourceType type) {
        if (!draw.chance(0.3)) {
            return List.of();
        }
        List<Metadata.RelatedIdentifier> out = new ArrayList<>();
        int n = draw.between(1, 3);
        for (int i = 0; i < n; i++) {
            if ("software".equals(type.id()) && i == 0) {
                out.add(new Metadata.RelatedIdentifier(
                        "https://github.com/example-lab/" + topic() + "-" + topic(), "url", "isderivedfrom", null));
            } else {
                String doi = "10.5281/zenodo." + (1_000_000 + draw.nextInt(9_000_000));
                out.add(new Metadata.RelatedIdentifier(
                        doi,
                        "doi",
                        draw.pick(Vocabulary.RELATION_TYPES),
                        draw.chance(0.5) ? "publication-article" : null));
            }
        }
        return out;
    }

    private List<String> communityIds() {
        if (shape.communities() instanceof CorpusShape.CommunityChances c) {
            if (!draw.chance(c.share() / 100)) {
                return List.of();
            }
            Set<String> ids = new LinkedHashSet<>();
            ids.add(community());
            for (int tries = 1; tries < c.max() && draw.chance(c.more() / 100); tries++) {
                ids.add(community());
            }
            return List.copyOf(ids);
        }
        int n = Math.min(
                communities.size(),
                ((CorpusShape.CommunityCounts) shape.communities()).counts().sample(random));
        Set<String> ids = new LinkedHashSet<>();
        // Popular communities first; after a bounded number of repeats the rest in rank order (n may be all of them).
        for (int tries = 0; ids.size() < n && tries < 20 * n; tries++) {
            ids.add(community());
        }
        for (int rank = 0; ids.size() < n; rank++) {
            ids.add(communities.get(rank).id());
        }
        return List.copyOf(ids);
    }

    private String community() {
        return communities.get(communityRank.sample() - 1).id();
    }

    /** The first file follows the resource type (papers are PDFs, software a zip...); the rest follow the mix. */
    private List<FileEntry> files(Vocabulary.ResourceType type) {
        int n = shape.files().sample(random);
        List<FileEntry> out = new ArrayList<>(n);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            FileType ft = i == 0 ? firstFileType(type) : fileTypes.pick(draw);
            String stem = draw.pick(ft.stems);
            String key = stem + ft.suffix;
            for (int k = 2; !keys.add(key); k++) {
                key = stem + "_" + k + ft.suffix;
            }
            out.add(new FileEntry(key, sizes.size(ft, draw.nextDouble()), ft));
        }
        return out;
    }

    private FileType firstFileType(Vocabulary.ResourceType type) {
        String facet = type.facetType();
        switch (facet) {
            case "publication":
            case "poster":
            case "presentation":
            case "lesson":
                return FileType.PDF;
            case "image":
                return FileType.PNG;
            case "software":
            case "video":
                return FileType.ZIP;
            default:
                return fileTypes.pick(draw);
        }
    }
}
