package rdmloadtest.datagen;

/** Record access: who may see the record and its files, and an optional embargo. */
public record Access(String record, String files, Embargo embargo) {

    public record Embargo(boolean active, String until, String reason) {
        static final Embargo NONE = new Embargo(false, null, null);
    }

    /** InvenioRDM's computed {@code access.status} (invenio-rdm-records {@code RecordAccess.status}). */
    public String status(boolean filesEnabled) {
        if (embargo.active()) {
            return "embargoed";
        }
        if ("public".equals(record) && !filesEnabled) {
            return "metadata-only";
        }
        if ("public".equals(record) && "public".equals(files)) {
            return "open";
        }
        return "restricted";
    }
}
