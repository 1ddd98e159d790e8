package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import rdmloadtest.api.Files;

/** A direct download from a cited link: sometimes the file list first, then the content. */
public final class DownloadJourney {
    private DownloadJourney() {}

    public static ChainBuilder download(Feeds feeds, Chance chance) {
        return feed(feeds.smallFiles())
                .doIf(chance.of(0.3))
                .then(exec(Files.LIST))
                .exec(Files.DOWNLOAD_BY_KEY);
    }
}
