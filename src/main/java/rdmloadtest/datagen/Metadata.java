package rdmloadtest.datagen;

import java.util.List;

/** A record's {@code metadata} block, as much of it as the generator fills. */
public record Metadata(
        Vocabulary.ResourceType resourceType,
        String title,
        List<AdditionalTitle> additionalTitles,
        String publicationDate,
        String publisher,
        List<Creator> creators,
        List<Creator> contributors,
        String description,
        List<AdditionalDescription> additionalDescriptions,
        List<String> subjects,
        List<String> languages,
        List<DateEntry> dates,
        List<RelatedIdentifier> relatedIdentifiers,
        List<String> rights,
        List<Funding> funding,
        String version) {

    public record AdditionalTitle(String title, String type, String lang) {}

    public record AdditionalDescription(String description, String type) {}

    public record DateEntry(String date, String type) {}

    public record RelatedIdentifier(String identifier, String scheme, String relationType, String resourceType) {}

    /** Funder and award as free text: the default awards vocabulary is empty, so ids would not resolve. */
    public record Funding(String funderName, String awardNumber, String awardTitle) {}
}
