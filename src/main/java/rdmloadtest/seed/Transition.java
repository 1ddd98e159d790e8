package rdmloadtest.seed;

/**
 * The moments of one record's seeding between which a crash can fall: after each, what is on the target and what the
 * progress file says differ until the next. A resume after a crash at any of them publishes the record exactly once.
 */
public enum Transition {
    /** "creating" written, before the create request. */
    CREATING_WRITTEN,
    /** {@code POST /api/records} answered, its id not yet written. */
    DRAFT_CREATED,
    /** {@code POST /api/records/{id}/versions} answered (the draft still holds the previous version's metadata). */
    NEW_VERSION_CREATED,
    /** The draft's id written. */
    DRAFT_WRITTEN,
    /** {@code PUT /api/records/{id}/draft} answered (a new version's or a resumed draft's metadata). */
    DRAFT_UPDATED,
    /** The draft's file entries initialised. */
    FILES_INITIALISED,
    /** One file's content uploaded, not committed. */
    CONTENT_UPLOADED,
    /** One file committed. */
    FILE_COMMITTED,
    /** The publish answered, "published" not yet written. */
    PUBLISHED,
    /** "published" written. */
    PUBLISHED_WRITTEN;

    /** Told of every transition as it happens (the seeder's crash test stops it at each). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (transition, sourceId) -> {};

        void reached(Transition transition, String sourceId);
    }
}
