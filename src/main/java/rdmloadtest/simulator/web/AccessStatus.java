package rdmloadtest.simulator.web;

import static rdmloadtest.simulator.web.Html.longDate;

import rdmloadtest.simulator.store.RecordDoc;

/**
 * A record's access status as the landing page shows it: the label, icon and tooltip of invenio-app-rdm's
 * AccessStatusEnum.
 */
record AccessStatus(String id, String icon, String description, String title) {
    static AccessStatus of(RecordDoc r) {
        String until = longDate(r.access.at("/embargo/until").asText(""));
        return switch (r.accessStatus()) {
            case "embargoed" ->
                new AccessStatus(
                        "embargoed",
                        "outline clock",
                        "The files will be made publicly available on " + until + ".",
                        "Embargoed");
            case "restricted" ->
                new AccessStatus(
                        "restricted",
                        "ban",
                        "The record is publicly accessible, but files are restricted to users with access.",
                        "Restricted");
            case "metadata-only" ->
                new AccessStatus("metadata-only", "tag", "No files are available for this record.", "Metadata-only");
            default -> new AccessStatus("open", "unlock", "The record and files are publicly accessible.", "Open");
        };
    }
}
