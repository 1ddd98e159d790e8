package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Map;
import rdmloadtest.slo.RequestNames;

/** OAI-PMH at /oai2d (outside /api), paged with resumptionToken. */
public final class Oai {
    private Oai() {}

    private static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

    public static HttpRequestActionBuilder list(String verb) {
        return http(RequestNames.oai(verb))
                .get("/oai2d")
                .queryParam("verb", verb)
                .queryParam("metadataPrefix", el(METADATA_PREFIX))
                .queryParamMap(el(OAI_RANGE))
                // An empty date range answers noRecordsMatch (HTTP 422 from invenio-oaiserver): a valid harvest result.
                .check(status().in(200, 422))
                .check(xpath("//oai:" + verb + " | //oai:error[@code='noRecordsMatch']", Map.of("oai", OAI_NS))
                        .exists())
                .check(xpath("//oai:resumptionToken/text()", Map.of("oai", OAI_NS))
                        .optional()
                        .saveAs(RESUMPTION_TOKEN));
    }

    public static HttpRequestActionBuilder resume(String verb) {
        return http(RequestNames.oai(verb))
                .get("/oai2d")
                .queryParam("verb", verb)
                .queryParam("resumptionToken", el(CURRENT_TOKEN))
                .check(status().is(200))
                .check(xpath("//oai:" + verb, Map.of("oai", OAI_NS)).exists())
                .check(xpath("//oai:resumptionToken/text()", Map.of("oai", OAI_NS))
                        .optional()
                        .saveAs(RESUMPTION_TOKEN));
    }
}
