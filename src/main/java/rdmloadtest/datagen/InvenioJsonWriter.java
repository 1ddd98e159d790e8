package rdmloadtest.datagen;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes records and communities in InvenioRDM's JSON (what {@code GET /api/records/{id}} and
 * {@code GET /api/communities/{id}} return, minus links, stats and checksums), streaming through Jackson.
 */
final class InvenioJsonWriter {

    /** InvenioRDM prints timestamps with microseconds and an explicit +00:00 offset. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    private InvenioJsonWriter() {}

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static void write(JsonGenerator g, Record r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("created", timestamp(r.created()));
        g.writeStringField("updated", timestamp(r.updated()));
        g.writeNumberField("revision_id", r.revisionId());
        g.writeBooleanField("is_published", true);
        g.writeBooleanField("is_draft", false);
        g.writeStringField("status", "published");
        writeMetadata(g, r.metadata());
        writeAccess(g, r);
        writeFiles(g, r);
        writeParent(g, r);
        g.writeObjectFieldStart("versions");
        g.writeNumberField("index", r.versionIndex());
        g.writeBooleanField("is_latest", r.latest());
        g.writeBooleanField("is_latest_draft", r.latest());
        g.writeEndObject();
        g.writeObjectFieldStart("pids");
        g.writeEndObject();
        g.writeObjectFieldStart("custom_fields");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeMetadata(JsonGenerator g, Metadata m) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeObjectFieldStart("resource_type");
        g.writeStringField("id", m.resourceType().id());
        g.writeEndObject();
        g.writeStringField("title", m.title());
        if (!m.additionalTitles().isEmpty()) {
            g.writeArrayFieldStart("additional_titles");
            for (Metadata.AdditionalTitle t : m.additionalTitles()) {
                g.writeStartObject();
                g.writeStringField("title", t.title());
                idField(g, "type", t.type());
                idField(g, "lang", t.lang());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("publication_date", m.publicationDate());
        g.writeStringField("publisher", m.publisher());
        writeCreators(g, "creators", m.creators());
        if (!m.contributors().isEmpty()) {
            writeCreators(g, "contributors", m.contributors());
        }
        // A shape whose records may have no description (0 words) leaves the field out, as InvenioRDM does.
        if (!m.description().isEmpty()) {
            g.writeStringField("description", m.description());
        }
        if (!m.additionalDescriptions().isEmpty()) {
            g.writeArrayFieldStart("additional_descriptions");
            for (Metadata.AdditionalDescription d : m.additionalDescriptions()) {
                g.writeStartObject();
                g.writeStringField("description", d.description());
                idField(g, "type", d.type());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!m.subjects().isEmpty()) {
            g.writeArrayFieldStart("subjects");
            for (String s : m.subjects()) {
                g.writeStartObject();
                g.writeStringField("subject", s);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        idArray(g, "languages", m.languages());
        if (!m.dates().isEmpty()) {
            g.writeArrayFieldStart("dates");
            for (Metadata.DateEntry d : m.dates()) {
                g.writeStartObject();
                g.writeStringField("date", d.date());
                idField(g, "type", d.type());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!m.relatedIdentifiers().isEmpty()) {
            g.writeArrayFieldStart("related_identifiers");
            for (Metadata.RelatedIdentifier ri : m.relatedIdentifiers()) {
                g.writeStartObject();
                g.writeStringField("identifier", ri.identifier());
                g.writeStringField("scheme", ri.scheme());
                idField(g, "relation_type", ri.relationType());
                if (ri.resourceType() != null) {
                    idField(g, "resource_type", ri.resourceType());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        idArray(g, "rights", m.rights());
        if (!m.funding().isEmpty()) {
            g.writeArrayFieldStart("funding");
            for (Metadata.Funding f : m.funding()) {
                g.writeStartObject();
                g.writeObjectFieldStart("funder");
                g.writeStringField("name", f.funderName());
                g.writeEndObject();
                g.writeObjectFieldStart("award");
                g.writeStringField("number", f.awardNumber());
                // Award titles are i18n strings in invenio-vocabularies' AwardRelationSchema.
                g.writeObjectFieldStart("title");
                g.writeStringField("en", f.awardTitle());
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("version", m.version());
        g.writeEndObject();
    }

    private static void writeCreators(JsonGenerator g, String field, List<Creator> creators) throws IOException {
        g.writeArrayFieldStart(field);
        for (Creator c : creators) {
            g.writeStartObject();
            Creator.PersonOrOrg p = c.personOrOrg();
            g.writeObjectFieldStart("person_or_org");
            g.writeStringField("type", p.type());
            if (p.isPersonal()) {
                g.writeStringField("given_name", p.givenName());
                g.writeStringField("family_name", p.familyName());
            }
            g.writeStringField("name", p.name());
            if (p.orcid() != null) {
                g.writeArrayFieldStart("identifiers");
                g.writeStartObject();
                g.writeStringField("identifier", p.orcid());
                g.writeStringField("scheme", "orcid");
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeEndObject();
            if (c.role() != null) {
                idField(g, "role", c.role());
            }
            if (!c.affiliations().isEmpty()) {
                g.writeArrayFieldStart("affiliations");
                for (String a : c.affiliations()) {
                    g.writeStartObject();
                    g.writeStringField("name", a);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeAccess(JsonGenerator g, Record r) throws IOException {
        Access a = r.access();
        g.writeObjectFieldStart("access");
        g.writeStringField("record", a.record());
        g.writeStringField("files", a.files());
        g.writeObjectFieldStart("embargo");
        g.writeBooleanField("active", a.embargo().active());
        if (a.embargo().until() != null) {
            g.writeStringField("until", a.embargo().until());
        }
        g.writeStringField("reason", a.embargo().reason());
        g.writeEndObject();
        g.writeStringField("status", r.accessStatus());
        g.writeEndObject();
    }

    private static void writeFiles(JsonGenerator g, Record r) throws IOException {
        g.writeObjectFieldStart("files");
        g.writeBooleanField("enabled", r.filesEnabled());
        g.writeNumberField("count", r.files().size());
        g.writeNumberField("total_bytes", r.totalBytes());
        g.writeArrayFieldStart("order");
        g.writeEndArray();
        g.writeNullField("default_preview");
        g.writeObjectFieldStart("entries");
        for (FileEntry f : r.files()) {
            g.writeObjectFieldStart(f.key());
            g.writeStringField("key", f.key());
            g.writeNumberField("size", f.size());
            g.writeStringField("mimetype", f.type().mimetype);
            g.writeStringField("ext", f.type().ext);
            g.writeObjectFieldStart("metadata");
            g.writeEndObject();
            g.writeObjectFieldStart("access");
            g.writeBooleanField("hidden", false);
            g.writeEndObject();
            g.writeStringField("storage_class", "L");
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeParent(JsonGenerator g, Record r) throws IOException {
        g.writeObjectFieldStart("parent");
        g.writeStringField("id", r.parentId());
        g.writeObjectFieldStart("access");
        g.writeObjectFieldStart("owned_by");
        g.writeStringField("user", r.owner());
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("communities");
        if (!r.communityIds().isEmpty()) {
            g.writeArrayFieldStart("ids");
            for (String id : r.communityIds()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeStringField("default", r.communityIds().get(0));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    static void write(JsonGenerator g, GeneratedCommunity c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("slug", c.slug());
        g.writeStringField("created", timestamp(c.created()));
        g.writeStringField("updated", timestamp(c.created()));
        g.writeNumberField("revision_id", 2);
        g.writeObjectFieldStart("access");
        g.writeStringField("visibility", "public");
        g.writeStringField("member_policy", "open");
        g.writeStringField("record_policy", "open");
        g.writeEndObject();
        g.writeObjectFieldStart("metadata");
        g.writeStringField("title", c.title());
        idField(g, "type", c.type());
        g.writeStringField("description", c.description());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void idField(JsonGenerator g, String field, String id) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("id", id);
        g.writeEndObject();
    }

    private static void idArray(JsonGenerator g, String field, List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (String id : ids) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
