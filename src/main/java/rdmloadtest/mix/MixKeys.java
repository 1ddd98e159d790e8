package rdmloadtest.mix;

import java.util.ArrayList;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeySet;

/** The catalogue's keys: each journey's weight or population, and the journey JourneySimulation runs alone. */
public final class MixKeys implements KeySet {
    public static final Key<Journey> JOURNEY = new Key<>(
            "journey",
            null,
            "The journey rdmloadtest.simulations.JourneySimulation runs alone, by its id in docs/traffic.md's"
                    + " table (search, recordView, ...).",
            MixKeys::journey);

    private static Journey journey(String id) {
        return Journey.byId(id.trim())
                .orElseThrow(() -> new IllegalArgumentException("expected one of " + String.join(", ", Journey.ids())));
    }

    @Override
    public List<Key<?>> keys() {
        List<Key<?>> keys = new ArrayList<>();
        for (Journey j : Journey.values()) {
            keys.add(j.key());
            j.rate().ifPresent(keys::add);
        }
        keys.add(JOURNEY);
        return keys;
    }
}
