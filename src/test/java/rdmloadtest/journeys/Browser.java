package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import rdmloadtest.api.Pages;

/**
 * A web page as a visitor's browser opens it: the HTML, then (with traffic.web.staticFiles) the /static files it
 * references, loaded once per session because the browser caches them after the first page.
 */
public final class Browser {
    private final boolean staticFiles;

    public Browser(boolean staticFiles) {
        this.staticFiles = staticFiles;
    }

    public ChainBuilder open(HttpRequestActionBuilder page) {
        if (!staticFiles) return exec(page);
        return exec(Pages.withStaticLinks(page))
                .doIf(s -> !s.contains(STATIC_LOADED) && s.contains(STATIC_LINKS))
                .then(foreach(el(STATIC_LINKS), STATIC_LINK)
                        .on(exec(Pages.STATIC_FILE))
                        .exec(s -> s.set(STATIC_LOADED, true)));
    }
}
