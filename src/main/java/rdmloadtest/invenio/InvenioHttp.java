package rdmloadtest.invenio;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** The HTTP client of every command that talks to the instance under test (harvest, seed, pre-flight, cleanup). */
public final class InvenioHttp {
    private InvenioHttp() {}

    /** GET {@code url} asking for JSON, with an Authorization value or none (null). */
    public static HttpResponse<String> getJson(HttpClient http, String url, String authorization, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder req =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
        if (authorization != null) req.header("Authorization", authorization);
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A client for one target. With insecure, it alone accepts any certificate and host name (a local instance's
     * self-signed one): nothing else in the JVM is relaxed, and a warning says so.
     */
    public static HttpClient client(boolean insecure, URI target) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (insecure) {
            System.err.println("rdm-loadtest: WARNING: invenio.insecureTls=true: the certificate and host name of "
                    + target + " are not checked");
            builder.sslContext(trustAll());
        }
        return builder.build();
    }

    /**
     * Trusts every certificate. An X509ExtendedTrustManager, because the JDK checks the host name only for plain
     * X509TrustManagers (it wraps them); this one skips that check too, for this client's connections alone.
     */
    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
    }

    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
