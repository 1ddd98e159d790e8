package rdmloadtest.datagen;

/**
 * ORCID iDs that idutils (and so InvenioRDM) accepts: 16 digits with an ISO 7064 11-2 check character, and the
 * first 15 digits inside a block ORCID actually issues (idutils {@code orcid_isni_ranges}):
 * 0000-0001-5000-000x … 0000-0003-5000-000x and 0009-0000-0000-000x … 0009-0001-0000-000x.
 */
public final class Orcid {

    static final long CLASSIC_FIRST = 15_000_000L;
    static final long CLASSIC_LAST = 35_000_000L;
    static final long RECENT_FIRST = 900_000_000_000L;
    static final long RECENT_LAST = 900_100_000_000L;

    private Orcid() {}

    /** The ORCID whose first 15 digits are {@code base}, formatted {@code dddd-dddd-dddd-dddC}. */
    public static String format(long base) {
        String digits = String.format("%015d", base);
        String all = digits + checkCharacter(digits);
        return all.substring(0, 4) + "-" + all.substring(4, 8) + "-" + all.substring(8, 12) + "-" + all.substring(12);
    }

    /** ISO 7064 11-2 over 15 digits, as ORCID documents it: '0'..'9' or 'X'. */
    public static char checkCharacter(String fifteenDigits) {
        int total = 0;
        for (int i = 0; i < fifteenDigits.length(); i++) {
            total = (total + (fifteenDigits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char) ('0' + result);
    }

    /** A distinct, valid ORCID for person number n; about a third in the 0009 block ORCID issues since 2023. */
    public static String forPerson(long n, long seed) {
        long h = FileContent.mix64(n * 0x9E3779B97F4A7C15L + seed);
        if (Math.floorMod(h, 3) == 0) {
            return format(RECENT_FIRST + Math.floorMod(n * 7919 + (seed & 0xFFFF), RECENT_LAST - RECENT_FIRST));
        }
        return format(CLASSIC_FIRST + Math.floorMod(n * 104_729 + (seed & 0xFFFF), CLASSIC_LAST - CLASSIC_FIRST));
    }

    /** True if idutils would accept it: shape, check character and issued range. */
    public static boolean isValid(String orcid) {
        if (orcid == null || !orcid.matches("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]")) {
            return false;
        }
        String compact = orcid.replace("-", "");
        String base = compact.substring(0, 15);
        if (checkCharacter(base) != compact.charAt(15)) {
            return false;
        }
        long n = Long.parseLong(base);
        return (n >= CLASSIC_FIRST && n <= CLASSIC_LAST) || (n >= RECENT_FIRST && n <= RECENT_LAST);
    }
}
