package rdmloadtest.simulator.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The concept record that groups versions: its owner, published version ids in order, communities. */
public final class Parent {
    public final String id;
    public final String owner;
    public final List<String> versions = new ArrayList<>();
    public final Set<String> communities = new LinkedHashSet<>();
    /** A new-version (or first) draft that is not published yet. */
    public String pendingDraftId;

    public Parent(String id, String owner) {
        this.id = id;
        this.owner = owner;
    }

    public String latestId() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }
}
