package rdmloadtest.datagen;

/**
 * Record and parent ids shaped like InvenioRDM's: 8 Crockford base32 characters (40 random bits) plus a
 * two-digit ISO 7064 mod 97-10 checksum, split every 5 characters, e.g. {@code ha4g3-7x208}
 * (invenio-pidstore {@code RecordIdProviderV2}: base32-lib {@code generate(length=10, split_every=5, checksum=True)}).
 *
 * <p>Generated ids come from a keyed bijection on 40 bits applied to an ordinal, so they look random but can
 * never collide (a random 40-bit draw would: ~40 % chance of a clash at a million ids).
 */
public final class RecordIds {

    static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final long MASK = (1L << 40) - 1;

    private final long key1;
    private final long key2;

    public RecordIds(long seed) {
        long mixed = FileContent.mix64(seed ^ 0x5DEECE66DL);
        this.key1 = mixed & MASK;
        this.key2 = FileContent.mix64(mixed) & MASK;
    }

    /** The id of the n-th generated record (n ≥ 0). */
    public String record(long n) {
        return format(permute(2 * n));
    }

    /** The id of the n-th generated parent (concept) record; disjoint from record ids. */
    public String parent(long n) {
        return format(permute(2 * n + 1));
    }

    /** A keyed permutation of [0, 2^40): each step (add, multiply by odd, xor-shift) is invertible mod 2^40. */
    private long permute(long x) {
        x = (x + key1) & MASK;
        x = (x * 0x9E3779B97F4A7C15L) & MASK;
        x ^= x >>> 21;
        x = (x * 0xBF58476D1CE4E5B9L) & MASK;
        x ^= x >>> 19;
        x ^= key2;
        x = (x * 0x94D049BB133111EBL) & MASK;
        x ^= x >>> 23;
        return x;
    }

    /** Encodes a 40-bit number as {@code xxxxx-xxxxx} with the base32-lib checksum as the last two digits. */
    public static String format(long number) {
        long n = number;
        StringBuilder base32 = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            base32.append(ALPHABET.charAt((int) (n & 31)));
            n >>>= 5;
        }
        base32.reverse();
        String digits = base32 + String.format("%02d", checksum(number));
        return digits.substring(0, 5) + "-" + digits.substring(5);
    }

    static int checksum(long number) {
        return (int) (97 - ((100 * number) % 97) + 1);
    }

    /** True for a well-formed id whose checksum matches. */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 11 || id.charAt(5) != '-') {
            return false;
        }
        String compact = id.substring(0, 5) + id.substring(6);
        long number = 0;
        for (int i = 0; i < 8; i++) {
            int digit = ALPHABET.indexOf(compact.charAt(i));
            if (digit < 0) {
                return false;
            }
            number = number * 32 + digit;
        }
        String check = compact.substring(8);
        return check.chars().allMatch(Character::isDigit) && Integer.parseInt(check) == checksum(number);
    }
}
