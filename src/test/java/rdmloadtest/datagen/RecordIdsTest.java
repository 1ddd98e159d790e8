package rdmloadtest.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void realInvenioIdsPassTheChecksum() {
        assertTrue(RecordIds.isValid("ha4g3-7x208"));
        assertTrue(RecordIds.isValid("bhgqt-2ke02"));
    }

    @Test
    void generatedIdsHaveInvenioShapeAndValidChecksum() {
        RecordIds ids = new RecordIds(42);
        for (int n = 0; n < 10_000; n++) {
            String id = ids.record(n);
            assertTrue(id.matches("[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{3}[0-9]{2}"), id);
            assertTrue(RecordIds.isValid(id), id);
            assertTrue(RecordIds.isValid(ids.parent(n)));
        }
    }

    @Test
    void recordAndParentIdsNeverCollide() {
        RecordIds ids = new RecordIds(7);
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < 200_000; n++) {
            assertTrue(seen.add(ids.record(n)));
            assertTrue(seen.add(ids.parent(n)));
        }
    }

    @Test
    void aChangedCharacterFailsTheChecksum() {
        assertFalse(RecordIds.isValid("ha4g3-7x209"));
        assertFalse(RecordIds.isValid("ha4g4-7x208"));
        assertFalse(RecordIds.isValid("ha4g37x208"));
    }

    @Test
    void idsDependOnTheSeed() {
        assertEquals(new RecordIds(42).record(5), new RecordIds(42).record(5));
        assertNotEquals(new RecordIds(42).record(5), new RecordIds(43).record(5));
    }
}
