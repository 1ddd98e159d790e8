package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The landing page's exports (/records/{id}/export/{format}) and the serializations behind them, as the real v13
 * answers them: attachment headers, codemeta by embargo, and fields left out when the record has no value for them.
 */
class ExportsTest extends AbstractSimulatorTest {
    /** Fixture records: bare metadata (no description, version, subjects, contributors). */
    static Sim bare;
    /** The generated data set: full metadata. */
    static Sim full;

    /** A dataset with data.csv and notes.txt. */
    static final String DATASET = "s0000-00000";
    /** Under an active embargo. */
    static final String EMBARGOED = "s0000-00013";

    @BeforeAll
    static void start() throws Exception {
        bare = Sim.start(Fixture.records(20), fast());
        full = Sim.start(Path.of("data/default"), fast(), false);
    }

    @AfterAll
    static void stop() throws Exception {
        if (bare != null) bare.close();
        if (full != null) full.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "json, json",
        "json-ld, json",
        "csl, json",
        "datacite-json, json",
        "datacite-xml, xml",
        "dublincore, xml",
        "marcxml, xml",
        "bibtex, bib",
        "dcat-ap, xml",
        "geojson, geojson",
        "codemeta, json",
        "cff, yaml",
        "datapackage, json"
    })
    void everyExportIsAnAttachmentNamedAfterTheRecordLinkingItsPageAndLinkset(String format, String ext)
            throws Exception {
        Res r = bare.get("/records/" + DATASET + "/export/" + format).expect(200);
        assertEquals("attachment; filename=" + DATASET + "." + ext, r.header("Content-Disposition"));
        assertEquals(
                "<" + bare.base + "/records/" + DATASET + "> ; rel=\"describes\" ; type=\"text/html\" , <" + bare.base
                        + "/api/records/" + DATASET + "> ; rel=\"linkset\" ; type=\"application/linkset+json\"",
                r.header("Link"));
    }

    @Test
    void codemetaIsJsonLdButFailsUnderAnActiveEmbargo() throws Exception {
        Res ok = bare.get("/records/" + DATASET + "/export/codemeta").expect(200);
        assertEquals("application/ld+json", ok.header("Content-Type"));
        JsonNode cm = ok.json();
        assertEquals(
                "https://doi.org/10.5063/schema/codemeta-2.0",
                cm.path("@context").asText());
        assertEquals("https://schema.org/Dataset", cm.path("@type").asText());
        assertFalse(cm.has("identifier"), "codemeta has an identifier only for a DOI");
        Res failed = bare.get("/records/" + EMBARGOED + "/export/codemeta").expect(500);
        assertEquals("text/html; charset=utf-8", failed.header("Content-Type"));
        assertEquals(null, failed.header("Content-Disposition"));
    }

    @Test
    void jsonLdOfADatasetWithFilesHasItsSizeAndDistributionAndNothingItLacks() throws Exception {
        JsonNode ld = bare.get("/api/records/" + DATASET, "Accept", "application/ld+json")
                .expect(200)
                .json();
        for (String absent : List.of("description", "editor", "keywords", "version"))
            assertFalse(ld.has(absent), absent + " in " + ld);
        long total = bare.get("/api/records/" + DATASET)
                .json()
                .at("/files/total_bytes")
                .asLong();
        assertTrue(total > 0);
        assertEquals(
                String.format(Locale.ROOT, "%.2f KB", total / 1024.0),
                ld.path("contentSize").asText());
        assertEquals(ld.path("contentSize"), ld.path("size"));
        JsonNode distribution = ld.path("distribution");
        assertEquals(2, distribution.size(), ld.toString());
        assertEquals("DataDownload", distribution.get(0).path("@type").asText());
        assertEquals(
                bare.base + "/api/records/" + DATASET + "/files/data.csv/content",
                distribution.get(0).path("contentUrl").asText());
        assertEquals("text/csv", distribution.get(0).path("encodingFormat").asText());
        assertEquals(ld, bare.get("/records/" + DATASET + "/export/json-ld").json());
    }

    @Test
    void theOtherSerializationsLeaveOutWhatTheRecordHasNoneOf() throws Exception {
        JsonNode csl = export(bare, DATASET, "csl").json();
        for (String absent : List.of("abstract", "version")) assertFalse(csl.has(absent), absent + " in " + csl);
        JsonNode datacite = export(bare, DATASET, "datacite-json").json();
        for (String absent : List.of("contributors", "descriptions", "subjects", "version"))
            assertFalse(datacite.has(absent), absent + " in " + datacite);
        JsonNode datapackage = export(bare, DATASET, "datapackage").json();
        for (String absent : List.of("id", "description", "version", "keywords"))
            assertFalse(datapackage.has(absent), absent + " in " + datapackage);
        assertEquals(
                bare.base + "/records/" + DATASET, datapackage.path("homepage").asText());
        assertEquals(2, datapackage.path("resources").size());
        String dataciteXml = export(bare, DATASET, "datacite-xml").text();
        for (String absent : List.of("<subjects>", "<version>", "<descriptions>"))
            assertFalse(dataciteXml.contains(absent), dataciteXml);
        assertFalse(export(bare, DATASET, "dublincore").text().contains("<dc:description>"));
        assertFalse(export(bare, DATASET, "marcxml").text().contains("tag=\"520\""));
        String dcat = export(bare, DATASET, "dcat-ap").text();
        for (String absent : List.of("<dct:description>", "<owl:versionInfo>", "<dcat:keyword>", "<dct:contributor>"))
            assertFalse(dcat.contains(absent), absent + " in " + dcat);
        assertTrue(
                dcat.contains("<dcat:downloadURL rdf:resource=\"" + bare.base + "/records/" + DATASET
                        + "/files/data.csv\"/>"),
                dcat);
        String bibtex = export(bare, DATASET, "bibtex").text();
        assertFalse(bibtex.contains("version"), bibtex);
        assertTrue(bibtex.startsWith("@dataset{lovelace_2000_" + DATASET + ",\n"), bibtex);
        assertTrue(bibtex.contains("  month        = jan,\n"), bibtex);
        String cff = export(bare, DATASET, "cff").text();
        for (String absent : List.of("abstract:", "keywords:", "\nversion:", "identifiers:", "repository-code:"))
            assertFalse(cff.contains(absent), cff);
        assertTrue(cff.contains("license: []\n"), cff);
        assertTrue(
                cff.contains("message: If you use this dataset, please cite it using the metadata from this file.\n"),
                cff);
    }

    @Test
    void aRecordWithThoseFieldsKeepsThemInEverySerialization() throws Exception {
        String id = WebPagesTest.WITH_CSV;
        JsonNode ld = export(full, id, "json-ld").json();
        for (String present : List.of("description", "keywords", "version", "contentSize", "size"))
            assertTrue(ld.has(present), present + " in " + ld);
        assertEquals("https://schema.org/SoftwareSourceCode", ld.path("@type").asText());
        assertFalse(ld.has("distribution"), "distribution is for datasets only");
        JsonNode csl = export(full, id, "csl").json();
        for (String present : List.of("abstract", "version")) assertTrue(csl.has(present), present + " in " + csl);
        JsonNode datacite = export(full, id, "datacite-json").json();
        for (String present : List.of("descriptions", "subjects", "version"))
            assertTrue(datacite.has(present), present + " in " + datacite);
        String dataciteXml = export(full, id, "datacite-xml").text();
        assertTrue(dataciteXml.contains("<version>"), dataciteXml);
        assertTrue(dataciteXml.contains("<alternateIdentifier alternateIdentifierType=\"oai\">"), dataciteXml);
        assertTrue(dataciteXml.contains("<rights rightsURI=\"https://creativecommons.org/licenses/"), dataciteXml);
        String dc = export(full, id, "dublincore").text();
        assertTrue(dc.contains("<dc:description>"), dc);
        assertTrue(dc.contains("<dc:rights>info:eu-repo/semantics/openAccess</dc:rights>"), dc);
        String dcat = export(full, id, "dcat-ap").text();
        for (String element : List.of("<dct:description>", "<owl:versionInfo>", "<dcat:keyword>", "<adms:identifier>"))
            assertTrue(dcat.contains(element), element + " in " + dcat);
        String marc = export(full, id, "marcxml").text();
        for (String tag : List.of("909", "245", "100", "540", "520", "260", "980", "856", "542"))
            assertTrue(marc.contains("<datafield tag=\"" + tag + "\""), tag + " in " + marc);
    }

    @Test
    void theUiSerializationHasV13sBlocksAndOnlyThoseTheRecordHasValuesFor() throws Exception {
        JsonNode ui = bare.get("/api/records/" + DATASET, "Accept", "application/vnd.inveniordm.v1+json")
                .expect(200)
                .json()
                .path("ui");
        for (String absent : List.of("description_stripped", "contributors", "subjects", "languages", "rights"))
            assertFalse(ui.has(absent), absent + " in " + ui);
        assertEquals("v1", ui.path("version").asText());
        assertEquals("January 15, 2000", ui.path("publication_date_l10n_long").asText());
        assertEquals("Jan 15, 2000", ui.path("publication_date_l10n_medium").asText());
        assertEquals("Open", ui.at("/access_status/title_l10n").asText());
        assertEquals(
                "The record and files are publicly accessible.",
                ui.at("/access_status/description_l10n").asText());
        assertTrue(ui.path("custom_fields").isObject());
        JsonNode embargoed = bare.get("/api/records/" + EMBARGOED, "Accept", "application/vnd.inveniordm.v1+json")
                .expect(200)
                .json()
                .at("/ui/access_status");
        assertEquals("January 1, 2999", embargoed.path("embargo_date_l10n").asText());
        assertEquals("warning", embargoed.path("message_class").asText());
    }

    @Test
    void theLinksetSignpostsTheLandingPageEachFileAndTheApiRecord() throws Exception {
        JsonNode sets = bare.get("/api/records/" + DATASET, "Accept", "application/linkset+json")
                .expect(200)
                .json()
                .path("linkset");
        assertEquals(4, sets.size(), sets.toString());
        JsonNode landing = sets.get(0);
        assertEquals(bare.base + "/records/" + DATASET, landing.path("anchor").asText());
        assertEquals(15, landing.path("describedby").size());
        assertEquals(2, landing.path("item").size());
        assertEquals("https://schema.org/Dataset", landing.at("/type/0/href").asText());
        assertEquals("https://schema.org/AboutPage", landing.at("/type/1/href").asText());
        assertEquals(
                bare.base + "/records/" + DATASET + "/files/data.csv",
                sets.get(1).path("anchor").asText());
        assertEquals(
                bare.base + "/records/" + DATASET,
                sets.get(1).at("/collection/0/href").asText());
        assertEquals(
                bare.base + "/api/records/" + DATASET,
                sets.get(3).path("anchor").asText());
        assertEquals(
                bare.base + "/records/" + DATASET,
                sets.get(3).at("/describes/0/href").asText());
    }

    @Test
    void theCsvTypesFlattenTheRecordOrListV13sTenColumns() throws Exception {
        String[] full = bare.get("/api/records/" + DATASET, "Accept", "application/vnd.inveniordm.v1.full+csv")
                .expect(200)
                .text()
                .split("\r\n");
        List<String> header = List.of(full[0].split(","));
        assertEquals(header.stream().sorted().toList(), header, "columns sorted");
        assertTrue(header.contains("metadata.creators.0.person_or_org.name"), full[0]);
        assertTrue(header.contains("files.entries.data.csv.size"), full[0]);
        assertTrue(full[1].contains("\"Lovelace, Ada\""), full[1]);
        assertTrue(full[1].contains(",True,"), "Python's booleans: " + full[1]);
        String simple = bare.get("/api/records/" + DATASET, "Accept", "application/vnd.inveniordm.v1.simple+csv")
                .expect(200)
                .text();
        assertTrue(
                simple.startsWith("id,created,pids.doi.identifier,metadata.title,metadata.description,"
                        + "metadata.resource_type.title.en,metadata.publication_date,"
                        + "metadata.creators.person_or_org.type,metadata.creators.person_or_org.name,"
                        + "metadata.rights.id\r\n" + DATASET + ","),
                simple);
    }

    private static Res export(Sim sim, String id, String format) throws Exception {
        return sim.get("/records/" + id + "/export/" + format).expect(200);
    }
}
