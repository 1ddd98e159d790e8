package rdmloadtest.datagen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** The small fixed set of communities generated records belong to; ids are seeded version-4 UUIDs. */
final class GeneratedCommunities {

    private GeneratedCommunities() {}

    private static final String[][] DEFINITIONS = {
        {"climate-observatory", "Climate Observatory", "topic"},
        {"open-hardware", "Open Hardware Lab", "project"},
        {"marine-biology", "Marine Biology Network", "topic"},
        {"digital-humanities", "Digital Humanities Collective", "organization"},
        {"rdm-conference-2024", "RDM Conference 2024", "event"},
        {"genomics-core", "Genomics Core Facility", "organization"},
        {"urban-mobility", "Urban Mobility Project", "project"},
        {"earth-observation", "Earth Observation Data", "topic"},
    };

    static List<GeneratedCommunity> create(long seed) {
        SplittableRandom random = new SplittableRandom(FileContent.mix64(seed ^ 0xC0331L));
        List<GeneratedCommunity> out = new ArrayList<>();
        for (String[] d : DEFINITIONS) {
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            String description = "Records of the " + d[1] + " community.";
            out.add(new GeneratedCommunity(
                    new UUID(msb, lsb).toString(),
                    d[0],
                    d[1],
                    d[2],
                    description,
                    RecordFactory.FIRST_CREATED.minusSeconds(86_400L * (out.size() + 1))));
        }
        return out;
    }
}
