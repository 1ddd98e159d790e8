package rdmloadtest.datagen;

import java.util.List;

/**
 * Vocabulary ids generated records use: only ids present in invenio-rdm-records v20.3.1 (InvenioRDM v13) and
 * v32.2.0 (v14) fixtures, and for licenses and languages also in cookiecutter-invenio-rdm's reduced v14 sets
 * ({@code app_data/vocabularies/cc_licences.csv}, {@code languages.yaml}), so any instance accepts them.
 */
final class Vocabulary {

    private Vocabulary() {}

    /** A resource type id and the value InvenioRDM's resource_type facet shows for it (type[::subtype]). */
    record ResourceType(String id, String facet) {
        /** The top-level facet value (e.g. "publication" for "publication::publication-article"). */
        String facetType() {
            int at = facet.indexOf("::");
            return at < 0 ? facet : facet.substring(0, at);
        }
    }

    /** Weights: our assumption of a general repository's mix (datasets and articles lead, as on Zenodo). */
    static final Weighted<ResourceType> RESOURCE_TYPES = new Weighted<ResourceType>()
            .add(new ResourceType("dataset", "dataset"), 25)
            .add(new ResourceType("publication-article", "publication::publication-article"), 14)
            .add(new ResourceType("software", "software"), 10)
            .add(new ResourceType("presentation", "presentation"), 6)
            .add(new ResourceType("other", "other"), 5)
            .add(new ResourceType("publication-conferencepaper", "publication::publication-conferencepaper"), 5)
            .add(new ResourceType("image-figure", "image::image-figure"), 5)
            .add(new ResourceType("publication-preprint", "publication::publication-preprint"), 4)
            .add(new ResourceType("publication-report", "publication::publication-report"), 4)
            .add(new ResourceType("poster", "poster"), 4)
            .add(new ResourceType("image-photo", "image::image-photo"), 3)
            .add(new ResourceType("publication-other", "publication::publication-other"), 3)
            .add(new ResourceType("publication-workingpaper", "publication::publication-workingpaper"), 2)
            .add(new ResourceType("publication-dissertation", "publication::publication-dissertation"), 2)
            .add(new ResourceType("video", "video"), 2)
            .add(new ResourceType("lesson", "lesson"), 2)
            .add(new ResourceType("publication-book", "publication::publication-book"), 1)
            .add(new ResourceType("publication-section", "publication::publication-section"), 1)
            .add(new ResourceType("model", "model"), 1)
            .add(new ResourceType("workflow", "workflow"), 1);

    /** Creative Commons ids in licenses.csv and the reduced cc_licences.csv (no cc0-1.0, mit, apache-2.0 there). */
    static final Weighted<String> LICENSES = new Weighted<String>()
            .add("cc-by-4.0", 60)
            .add("cc-by-sa-4.0", 10)
            .add("cc-by-nc-4.0", 8)
            .add("cc-by-nc-sa-4.0", 6)
            .add("cc-by-nd-4.0", 4)
            .add("cc-by-nc-nd-4.0", 5)
            .add("cc-by-3.0", 4)
            .add("cc-by-sa-3.0", 3);

    /** The ISO 639-3 ids of the reduced 12-language set that are also real languages in the full list. */
    static final Weighted<String> LANGUAGES = new Weighted<String>()
            .add("eng", 78)
            .add("deu", 6)
            .add("fra", 5)
            .add("spa", 4)
            .add("ita", 3)
            .add("nor", 2)
            .add("tur", 1)
            .add("ara", 1);

    /** Contributor roles present in v13 and v14 (v14's "translator" left out). */
    static final List<String> ROLES = List.of(
            "contactperson",
            "datacollector",
            "datacurator",
            "datamanager",
            "editor",
            "projectleader",
            "projectmanager",
            "projectmember",
            "researcher",
            "rightsholder",
            "supervisor",
            "other");

    /** Relation types present in v13 and v14 (v14's five additions left out). */
    static final List<String> RELATION_TYPES = List.of(
            "iscitedby",
            "cites",
            "issupplementto",
            "issupplementedby",
            "isdescribedby",
            "describes",
            "ispartof",
            "haspart",
            "isreferencedby",
            "references",
            "isdocumentedby",
            "documents",
            "isderivedfrom",
            "issourceof",
            "isversionof",
            "isidenticalto");

    static final List<String> ADDITIONAL_DESCRIPTION_TYPES =
            List.of("methods", "technical-info", "table-of-contents", "other");

    /** Date types present in v13 and v14 (v14's "coverage" left out). */
    static final List<String> DATE_TYPES =
            List.of("collected", "created", "submitted", "accepted", "available", "valid");

    static final List<String> TITLE_TYPES = List.of("alternative-title", "subtitle", "translated-title");

    /** Community types shipped in community_types.yaml. */
    static final List<String> COMMUNITY_TYPES = List.of("organization", "event", "topic", "project");
}
