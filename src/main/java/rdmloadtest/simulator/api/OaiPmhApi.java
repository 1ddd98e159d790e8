package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.Repository;

/**
 * OAI-PMH 2.0 at /oai2d as invenio-oaiserver serves it: Identify, ListMetadataFormats, ListRecords,
 * ListIdentifiers and GetRecord in oai_dc and datacite, pages of 10 (OAISERVER_PAGE_SIZE) with
 * resumption tokens; public, published, latest records only.
 */
public final class OaiPmhApi {
    static final int PAGE_SIZE = 10;
    private static final List<String> FORMATS = List.of("oai_dc", "datacite");
    private static final List<String[]> FORMAT_SCHEMAS = List.of(
            new String[] {
                "oai_dc",
                "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
                "http://www.openarchives.org/OAI/2.0/oai_dc/"
            },
            new String[] {
                "datacite",
                "http://schema.datacite.org/meta/kernel-4.3/metadata.xsd",
                "http://datacite.org/schema/kernel-4"
            });

    private final Repository repo;

    public OaiPmhApi(Repository repo) {
        this.repo = repo;
    }

    public void routes(Router r) {
        r.add("GET", "/oai2d", EndpointClass.HARVEST, this::handle);
    }

    Reply handle(Call c) {
        String verb = c.first("verb").orElse("");
        String host = RecordsApi.host(c);
        StringBuilder x = new StringBuilder();
        switch (verb) {
            case "Identify" ->
                x.append("<Identify><repositoryName>InvenioRDM</repositoryName><baseURL>")
                        .append(c.siteUrl)
                        .append("/oai2d</baseURL><protocolVersion>2.0</protocolVersion>")
                        .append("<adminEmail>info@inveniosoftware.org</adminEmail>")
                        .append("<earliestDatestamp>2000-01-01T00:00:00Z</earliestDatestamp>")
                        .append(
                                "<deletedRecord>no</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>");
            case "ListMetadataFormats" -> {
                x.append("<ListMetadataFormats>");
                for (String[] f : FORMAT_SCHEMAS) {
                    x.append("<metadataFormat><metadataPrefix>")
                            .append(f[0])
                            .append("</metadataPrefix><schema>")
                            .append(f[1])
                            .append("</schema><metadataNamespace>")
                            .append(f[2])
                            .append("</metadataNamespace></metadataFormat>");
                }
                x.append("</ListMetadataFormats>");
            }
            case "ListRecords", "ListIdentifiers" -> list(c, verb, host, x);
            case "GetRecord" -> {
                String prefix = c.first("metadataPrefix").orElse("");
                String id = c.first("identifier").orElse("").replaceFirst("^oai:[^:]+:", "");
                RecordDoc r = repo.read(
                        () -> repo.record(id).filter(this::harvestable).orElse(null));
                if (!FORMATS.contains(prefix)) error(x, "badArgument", "metadataPrefix does not exist");
                else if (r == null) error(x, "idDoesNotExist", "No matching identifier.");
                else
                    x.append("<GetRecord>")
                            .append(record(r, prefix, host, true))
                            .append("</GetRecord>");
            }
            default -> error(x, "badArgument", "This is not a valid OAI-PMH verb:" + verb);
        }
        // invenio-oaiserver answers every OAI-PMH error (noRecordsMatch included) with HTTP 422, and then echoes
        // no request arguments; a valid request's arguments come back as attributes of <request>.
        boolean failed = x.indexOf("<error code=") >= 0;
        StringBuilder request = new StringBuilder("<request");
        if (!failed) {
            for (String arg :
                    List.of("verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken")) {
                c.first(arg)
                        .ifPresent(v -> request.append(' ')
                                .append(arg)
                                .append("=\"")
                                .append(esc(v))
                                .append('"'));
            }
        }
        request.append('>').append(c.siteUrl).append("/oai2d</request>");
        String doc = "<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/"
                + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\">"
                + "<responseDate>" + Instant.now().toString().replaceAll("\\.\\d+", "") + "</responseDate>"
                + request + x + "</OAI-PMH>";
        return Reply.bytes(failed ? 422 : 200, "text/xml", doc.getBytes(StandardCharsets.UTF_8));
    }

    private void list(Call c, String verb, String host, StringBuilder x) {
        String prefix;
        int offset;
        String from = c.first("from").orElse("");
        String until = c.first("until").orElse("");
        String token = c.first("resumptionToken").orElse(null);
        if (token != null) {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                prefix = parts[0];
                offset = Integer.parseInt(parts[1]);
                from = parts.length > 2 ? parts[2] : "";
                until = parts.length > 3 ? parts[3] : "";
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                error(x, "badResumptionToken", "The value of the resumptionToken argument is invalid or expired.");
                return;
            }
        } else {
            prefix = c.first("metadataPrefix").orElse("");
            offset = 0;
            if (!FORMATS.contains(prefix)) {
                error(x, "badArgument", "metadataPrefix does not exist");
                return;
            }
        }
        String lo = from;
        String hi = until;
        List<RecordDoc> all = repo.read(() -> repo.records().stream()
                .filter(this::harvestable)
                .filter(r -> inRange(r.updated.toString(), lo, hi))
                .sorted(Comparator.comparing((RecordDoc r) -> r.updated).thenComparing(r -> r.id))
                .toList());
        if (all.isEmpty()) {
            error(x, "noRecordsMatch", "");
            return;
        }
        x.append('<').append(verb).append('>');
        boolean full = verb.equals("ListRecords");
        for (RecordDoc r : all.subList(Math.min(offset, all.size()), Math.min(offset + PAGE_SIZE, all.size()))) {
            x.append(record(r, prefix, host, full));
        }
        // invenio-oaiserver's has_next is page * size <= total (so a full last page still gets a token, and the
        // page after it is empty); the first page has no token only when it holds everything.
        int page = offset / PAGE_SIZE + 1;
        boolean hasNext = (long) page * PAGE_SIZE <= all.size();
        if (page > 1 || hasNext) {
            x.append("<resumptionToken completeListSize=\"")
                    .append(all.size())
                    .append("\" cursor=\"")
                    .append(offset)
                    .append("\" expirationDate=\"")
                    .append(Instant.now().plusSeconds(60).toString().replaceAll("\\.\\d+", ""))
                    .append('"');
            if (hasNext) {
                String next = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((prefix + "|" + (offset + PAGE_SIZE) + "|" + from + "|" + until)
                                .getBytes(StandardCharsets.UTF_8));
                x.append('>').append(next).append("</resumptionToken>");
            } else {
                x.append("/>");
            }
        }
        x.append("</").append(verb).append('>');
    }

    /** OAI-PMH from/until compare on the datestamp, at day granularity or finer. */
    private static boolean inRange(String datestamp, String from, String until) {
        if (!from.isEmpty()
                && datestamp
                                .substring(0, Math.min(datestamp.length(), from.length()))
                                .compareTo(from)
                        < 0) {
            return false;
        }
        return until.isEmpty()
                || datestamp
                                .substring(0, Math.min(datestamp.length(), until.length()))
                                .compareTo(until)
                        <= 0;
    }

    private boolean harvestable(RecordDoc r) {
        return !r.deleted() && !r.recordRestricted() && repo.isLatest(r);
    }

    private String record(RecordDoc r, String prefix, String host, boolean withMetadata) {
        StringBuilder sets = new StringBuilder();
        for (String c : r.parent.communities) {
            repo.community(c)
                    .ifPresent(x -> sets.append("<setSpec>community-")
                            .append(esc(x.slug()))
                            .append("</setSpec>"));
        }
        String header = "<header><identifier>oai:" + host + ":" + r.id + "</identifier><datestamp>"
                + r.updated.toString().replaceAll("\\.\\d+", "") + "</datestamp>" + sets + "</header>";
        if (!withMetadata) return header;
        JsonNode m = r.metadata;
        StringBuilder md = new StringBuilder("<metadata>");
        if (prefix.equals("oai_dc")) {
            md.append("<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                    + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
            md.append("<dc:title>").append(esc(m.path("title").asText())).append("</dc:title>");
            for (JsonNode cr : m.path("creators")) {
                md.append("<dc:creator>").append(esc(name(cr))).append("</dc:creator>");
            }
            md.append("<dc:date>")
                    .append(esc(m.path("publication_date").asText()))
                    .append("</dc:date>");
            md.append("<dc:identifier>https://")
                    .append(host)
                    .append("/records/")
                    .append(r.id)
                    .append("</dc:identifier>");
            md.append("<dc:type>info:eu-repo/semantics/other</dc:type>");
            md.append("<dc:rights>info:eu-repo/semantics/")
                    .append(
                            r.accessStatus().equals("open")
                                    ? "openAccess"
                                    : r.accessStatus().equals("embargoed") ? "embargoedAccess" : "restrictedAccess")
                    .append("</dc:rights>");
            md.append("</oai_dc:dc>");
        } else {
            md.append(
                            "<resource xmlns=\"http://datacite.org/schema/kernel-4\"><identifier identifierType=\"URL\">https://")
                    .append(host)
                    .append("/records/")
                    .append(r.id)
                    .append("</identifier><creators>");
            for (JsonNode cr : m.path("creators")) {
                md.append("<creator><creatorName>").append(esc(name(cr))).append("</creatorName></creator>");
            }
            md.append("</creators><titles><title>")
                    .append(esc(m.path("title").asText()))
                    .append("</title></titles>")
                    .append("<publisher>")
                    .append(esc(m.path("publisher").asText("")))
                    .append("</publisher>")
                    .append("<publicationYear>")
                    .append(esc(m.path("publication_date").asText("").replaceAll("-.*", "")))
                    .append("</publicationYear><resourceType resourceTypeGeneral=\"Other\">")
                    .append(esc(m.path("resource_type").path("id").asText()))
                    .append("</resourceType></resource>");
        }
        md.append("</metadata>");
        return "<record>" + header + md + "</record>";
    }

    private static String name(JsonNode creator) {
        JsonNode p = creator.path("person_or_org");
        if (p.hasNonNull("name")) return p.get("name").asText();
        return p.path("family_name").asText("") + ", " + p.path("given_name").asText("");
    }

    private static void error(StringBuilder x, String code, String message) {
        x.append("<error code=\"")
                .append(code)
                .append("\">")
                .append(esc(message))
                .append("</error>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
