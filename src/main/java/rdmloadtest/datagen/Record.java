package rdmloadtest.datagen;

import java.time.Instant;
import java.util.List;

/** A published record (one version) as the generator makes it. */
public record Record(
        String id,
        String parentId,
        Instant created,
        Instant updated,
        int revisionId,
        Metadata metadata,
        Access access,
        boolean filesEnabled,
        List<FileEntry> files,
        String owner,
        List<String> communityIds,
        int versionIndex,
        boolean latest) {

    public String accessStatus() {
        return access.status(filesEnabled);
    }

    public long totalBytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }

    /** An anonymous user can view the record (search and landing page). */
    public boolean anonymousCanView() {
        return "public".equals(access.record());
    }

    /** An anonymous user can download its files: public, not embargoed, files enabled. */
    public boolean anonymousCanDownload() {
        return "open".equals(accessStatus());
    }
}
