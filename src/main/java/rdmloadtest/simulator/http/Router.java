package rdmloadtest.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rdmloadtest.simulator.perf.EndpointClass;

/** Routes "METHOD /api/records/{id}/files/{key}" templates to handlers, in declaration order. */
public final class Router {
    @FunctionalInterface
    public interface Handler {
        Reply handle(Call call) throws Exception;
    }

    public record Route(String method, Pattern pattern, List<String> names, EndpointClass cls, Handler handler) {}

    public record Match(Route route, Map<String, String> params) {}

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, EndpointClass cls, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{(\\w+)(\\*?)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, cls, handler));
        return this;
    }

    /** The route for this request; a path known under another method → 405, an unknown path → 404. */
    public Match match(String method, String path) {
        boolean pathKnown = false;
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(path);
            if (!m.matches()) continue;
            pathKnown = true;
            if (!r.method().equals(method)
                    && !(method.equals("HEAD") && r.method().equals("GET"))) continue;
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < r.names().size(); i++) {
                params.put(
                        r.names().get(i),
                        URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            return new Match(r, params);
        }
        if (pathKnown) throw new ApiError(405, "The method is not allowed for the requested URL.");
        throw new ApiError(
                404,
                "The requested URL was not found on the server. If you entered the URL manually"
                        + " please check your spelling and try again.");
    }
}
