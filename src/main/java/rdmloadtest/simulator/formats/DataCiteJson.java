package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** DataCite JSON (application/vnd.datacite.datacite+json): kernel 4.3 on v13, 4.5 on v14, keys sorted. */
public final class DataCiteJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** DataCite 4 contributor types; a role id matching one case-insensitively maps to it. */
    private static final List<String> CONTRIBUTOR_TYPES = List.of(
            "ContactPerson",
            "DataCollector",
            "DataCurator",
            "DataManager",
            "Distributor",
            "Editor",
            "HostingInstitution",
            "Producer",
            "ProjectLeader",
            "ProjectManager",
            "ProjectMember",
            "RegistrationAgency",
            "RegistrationAuthority",
            "RelatedPerson",
            "Researcher",
            "ResearchGroup",
            "RightsHolder",
            "Sponsor",
            "Supervisor",
            "WorkPackageLeader",
            "Other");

    private DataCiteJson() {}

    /** The record as InvenioRDM {@code version} (13 or 14) writes it. */
    public static JsonNode of(RecordItem r, String version) {
        return "14".equals(version) ? kernel45(kernel43(r)) : kernel43(r);
    }

    /** contributors, descriptions, language, rightsList, subjects and version only when present. */
    private static ObjectNode kernel43(RecordItem r) {
        JsonNode md = r.metadata();
        ObjectNode o = F.objectNode();
        if (!r.contributors().isEmpty()) {
            ArrayNode contributors = o.putArray("contributors");
            r.contributors().forEach(c -> contributors.add(person(c).put("contributorType", contributorType(c))));
            contributors.forEach(c -> sortKeys((ObjectNode) c));
        }
        ArrayNode creators = o.putArray("creators");
        r.creators().forEach(c -> creators.add(sortKeys(person(c))));
        ArrayNode dates = o.putArray("dates");
        dates.addObject().put("date", r.publicationDate()).put("dateType", "Issued");
        String updated = r.updated();
        if (updated.length() >= 10)
            dates.addObject().put("date", updated.substring(0, 10)).put("dateType", "Updated");
        for (JsonNode d : md.path("dates")) {
            String t = d.at("/type/id").asText("other");
            dates.addObject()
                    .put("date", d.path("date").asText())
                    .put("dateType", Character.toUpperCase(t.charAt(0)) + t.substring(1));
        }
        if (!r.description().isEmpty() || !md.path("additional_descriptions").isEmpty()) {
            ArrayNode descriptions = o.putArray("descriptions");
            if (!r.description().isEmpty())
                descriptions
                        .addObject()
                        .put("description", r.descriptionStripped())
                        .put("descriptionType", "Abstract");
            for (JsonNode d : md.path("additional_descriptions"))
                descriptions
                        .addObject()
                        .put(
                                "description",
                                RecordItem.stripTags(d.path("description").asText()))
                        .put("descriptionType", d.at("/type/id").asText().equals("methods") ? "Methods" : "Other");
        }
        ArrayNode ids = o.putArray("identifiers");
        ids.addObject().put("identifier", r.selfHtml()).put("identifierType", "URL");
        if (!r.oaiId().isEmpty()) ids.addObject().put("identifier", r.oaiId()).put("identifierType", "oai");
        String lang = r.firstLanguage();
        if (!lang.isEmpty()) o.put("language", lang);
        o.put("publicationYear", r.publicationYear()).put("publisher", r.publisher());
        if (!md.path("rights").isEmpty()) {
            ArrayNode rights = o.putArray("rightsList");
            for (JsonNode right : md.path("rights")) {
                String id = right.path("id").asText("");
                if (Rights.isCreativeCommons(id))
                    rights.addObject()
                            .put("rights", Rights.ccTitle(id))
                            .put("rightsIdentifier", id)
                            .put("rightsIdentifierScheme", "spdx")
                            .put("rightsUri", Rights.ccUrl(id));
                else rights.addObject().put("rights", right.at("/title/en").asText(id));
            }
        }
        o.put("schemaVersion", "http://datacite.org/schema/kernel-4");
        if (!r.subjects().isEmpty()) {
            ArrayNode subjects = o.putArray("subjects");
            r.subjects().forEach(s -> subjects.addObject().put("subject", s));
        }
        o.putArray("titles").addObject().put("title", r.title());
        o.putObject("types")
                .put("resourceType", r.resourceTypeProp("datacite_type", ""))
                .put("resourceTypeGeneral", r.resourceTypeProp("datacite_general", "Other"));
        if (!r.version().isEmpty()) o.put("version", r.version());
        return o;
    }

    /**
     * v14's DataCite kernel 4.5 (measured on the real v14): the publisher an object with its name, the record's URL
     * and OAI id as alternateIdentifiers; v13 keeps kernel 4.3's string and identifiers.
     */
    private static ObjectNode kernel45(ObjectNode v13) {
        JsonNode publisher = v13.path("publisher");
        if (publisher.isTextual()) v13.putObject("publisher").put("name", publisher.asText());
        JsonNode ids = v13.remove("identifiers");
        if (ids != null) {
            ArrayNode alternate = v13.putArray("alternateIdentifiers");
            for (JsonNode id : ids)
                alternate
                        .addObject()
                        .put("alternateIdentifier", id.path("identifier").asText())
                        .put(
                                "alternateIdentifierType",
                                id.path("identifierType").asText());
        }
        return v13;
    }

    /** DataCite's contributorType from the role id (projectleader → ProjectLeader). */
    static String contributorType(Creatibutor c) {
        String role = c.roleId();
        for (String t : CONTRIBUTOR_TYPES) if (t.equalsIgnoreCase(role)) return t;
        return "Other";
    }

    /** DataCite's nameType. */
    static String nameType(Creatibutor c) {
        return c.isOrganization() ? "Organizational" : "Personal";
    }

    private static ObjectNode person(Creatibutor c) {
        ObjectNode p = F.objectNode();
        List<String> affs = c.affiliations();
        if (!affs.isEmpty()) {
            ArrayNode aff = p.putArray("affiliation");
            affs.forEach(a -> aff.addObject().put("name", a));
        }
        if (c.hasFamilyName()) p.put("familyName", c.familyName());
        if (c.hasGivenName()) p.put("givenName", c.givenName());
        p.put("name", c.name());
        ArrayNode ids = p.putArray("nameIdentifiers");
        if (c.orcid() != null) ids.addObject().put("nameIdentifier", c.orcid()).put("nameIdentifierScheme", "ORCID");
        return p.put("nameType", nameType(c));
    }

    private static ObjectNode sortKeys(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        ObjectNode sorted = F.objectNode();
        for (String n : names) sorted.set(n, o.get(n));
        o.removeAll();
        o.setAll(sorted);
        return o;
    }
}
