package rdmloadtest.slo;

import java.util.List;

/** A set of request names (as in Gatling's report) judged together, with its objectives and the reason for them. */
public record SloGroup(String name, List<String> requests, Objectives objectives, String why) {

    public boolean covers(String requestName) {
        return requests.contains(requestName);
    }
}
