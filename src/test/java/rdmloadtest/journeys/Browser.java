package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import rdmloadtest.api.Pages;
import rdmloadtest.run.LoadTestConfig;

/**
 * A web page as a visitor's browser opens it: the HTML, then (with traffic.web.staticFiles) the /static files it
 * references that the session has not loaded yet, because the browser caches each one after its first load (at most
 * traffic.web.staticFilesPerSession per session). Counts the pages a session opened; holds how web visitors browse.
 */
public final class Browser {
    private final LoadTestConfig.Web web;

    public Browser(LoadTestConfig.Web web) {
        this.web = web;
    }

    /** How web sessions browse (landing page branches, pages per visit, IIIF tiles). */
    public LoadTestConfig.Web web() {
        return web;
    }

    public ChainBuilder open(HttpRequestActionBuilder page) {
        ChainBuilder counted = exec(Browser::countPage);
        if (!web.staticFiles()) return counted.exec(page);
        return counted.exec(Pages.withStaticLinks(page))
                .exec(this::linksNotLoadedYet)
                .foreach(el(STATIC_LINKS), STATIC_LINK)
                .on(exec(Pages.STATIC_FILE));
    }

    /** Counted before the request, so a page that fails still ends a loop that opens pages until enough. */
    private static Session countPage(Session s) {
        return s.set(PAGES_OPENED, pagesOpened(s) + 1);
    }

    public static int pagesOpened(Session s) {
        return s.contains(PAGES_OPENED) ? s.getInt(PAGES_OPENED) : 0;
    }

    /** The page's links the session has not loaded, within what is left of its cap; remembered as loaded. */
    private Session linksNotLoadedYet(Session s) {
        Set<String> loaded = s.contains(STATIC_LOADED) ? new HashSet<>(s.getList(STATIC_LOADED)) : new HashSet<>();
        List<String> links = s.contains(STATIC_LINKS) ? s.getList(STATIC_LINKS) : List.of();
        int cap = web.staticFilesPerSession() == 0 ? Integer.MAX_VALUE : web.staticFilesPerSession();
        List<String> load = new ArrayList<>();
        for (String link : links) if (loaded.size() < cap && loaded.add(link)) load.add(link);
        return s.set(STATIC_LINKS, load).set(STATIC_LOADED, List.copyOf(loaded));
    }
}
