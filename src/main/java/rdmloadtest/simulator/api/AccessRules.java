package rdmloadtest.simulator.api;

import rdmloadtest.simulator.store.Identity;
import rdmloadtest.simulator.store.RecordDoc;

/** InvenioRDM's read permissions (IfRestricted on record and files; drafts for owners only). */
public final class AccessRules {
    private AccessRules() {}

    public static boolean canReadRecord(RecordDoc r, Identity who) {
        if (r.draft) return who.owns(r.parent) || who.admin();
        return !r.recordRestricted() || who.owns(r.parent) || who.admin();
    }

    public static boolean canReadFiles(RecordDoc r, Identity who) {
        if (!canReadRecord(r, who)) return false;
        return !r.filesRestricted() || who.owns(r.parent) || who.admin();
    }

    public static boolean canEdit(RecordDoc r, Identity who) {
        return who.owns(r.parent) || who.admin();
    }
}
