package rdmloadtest.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrcidTest {

    @Test
    void josiahCarberrysOrcidIsValid() {
        assertEquals('7', Orcid.checkCharacter("000000021825009"));
        assertTrue(Orcid.isValid("0000-0002-1825-0097"));
    }

    @Test
    void checkCharacterCanBeX() {
        // ORCID's documented example with an X check character.
        assertTrue(Orcid.isValid("0000-0002-9079-593X"));
    }

    @Test
    void generatedOrcidsHaveValidCheckDigitsInIssuedRangesAndAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (long n = 1; n <= 50_000; n++) {
            String orcid = Orcid.forPerson(n, 42);
            assertTrue(Orcid.isValid(orcid), orcid);
            assertTrue(seen.add(orcid), orcid);
        }
        assertTrue(seen.stream().anyMatch(o -> o.startsWith("0009-")), "some in the 0009 block");
        assertTrue(seen.stream().anyMatch(o -> o.startsWith("0000-000")), "some in the classic block");
    }

    @Test
    void wrongCheckDigitIsRejected() {
        assertFalse(Orcid.isValid("0000-0002-1825-0098"));
    }

    @Test
    void rightCheckDigitOutsideIssuedRangesIsRejected() {
        String belowRange = Orcid.format(14_999_999L);
        String gap = Orcid.format(500_000_000_000L);
        assertFalse(Orcid.isValid(belowRange), belowRange);
        assertFalse(Orcid.isValid(gap), gap);
        assertTrue(Orcid.isValid(Orcid.format(Orcid.CLASSIC_FIRST)));
        assertTrue(Orcid.isValid(Orcid.format(Orcid.RECENT_LAST)));
    }
}
