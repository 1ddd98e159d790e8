package rdmloadtest.datagen;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A real InvenioRDM instance the harvester reads from or the seeder writes to: base URL from
 * {@code -Dinvenio.baseUrl}, token from the environment variable {@code INVENIO_TOKEN} only (never printed),
 * {@code -Dinvenio.insecureTls=true} to accept a local instance's self-signed certificate.
 */
final class InvenioTarget {

  static final String TOKEN_VARIABLE = "INVENIO_TOKEN";

  final URI baseUrl;
  private final String token;
  final HttpClient http;

  private InvenioTarget(URI baseUrl, String token, HttpClient http) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.http = http;
  }

  static InvenioTarget fromSystemProperties(String token) {
    String text = System.getProperty("invenio.baseUrl");
    URI uri;
    try {
      uri = text == null ? null : URI.create(text.trim().replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("invenio.baseUrl: expected an http(s) URL such as https://127.0.0.1:5000, got "
          + (text == null ? "nothing" : "'" + text + "'"));
    }
    boolean insecure = flag("invenio.insecureTls");
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL);
    if (insecure) {
      // Local instances (docker-compose, invenio-cli) serve a self-signed certificate for "localhost".
      System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
      builder.sslContext(trustAll());
    }
    return new InvenioTarget(uri, token == null || token.isBlank() ? null : token.trim(), builder.build());
  }

  static boolean flag(String key) {
    String v = System.getProperty(key);
    if (v == null) {
      return false;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + ": expected true or false, got '" + v + "'");
    };
  }

  boolean hasToken() {
    return token != null;
  }

  /** True if the host is this machine (localhost, 127.0.0.0/8, ::1): the only place writes go by default. */
  boolean isLoopback() {
    String host = baseUrl.getHost();
    if ("localhost".equalsIgnoreCase(host)) {
      return true;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(host.replaceAll("^\\[|\\]$", ""))) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** A request to {@code path} (starting with /api) with the token, if any, and a JSON Accept header. */
  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofMinutes(10))
        .header("User-Agent", "rdm-loadtest-datagen");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static SSLContext trustAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      TrustManager[] all = {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }};
      context.init(null, all, new SecureRandom());
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }
}
