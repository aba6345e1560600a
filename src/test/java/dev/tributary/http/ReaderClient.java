package dev.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader app as the tests play it: forms posted and pages read over real HTTP, with the {@code
 * GoogleLogin} header once logged in. The server runs with {@link #USER} / {@link #PASSWORD}.
 */
final class ReaderClient {
  static final String USER = "reader@example.org";
  static final String PASSWORD = "correct horse battery staple";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final List<String> headers = new ArrayList<>();
  String auth;

  ReaderClient(TestServer server) {
    this.base = server.baseUrl;
  }

  /** The configuration that turns the reader APIs on with the test account. */
  static JsonObject account() {
    return new JsonObject()
        .put("reader", new JsonObject().put("username", USER).put("password", PASSWORD));
  }

  /** Adds a header to every request from now on (a client's User-Agent, say). */
  ReaderClient with(String name, String value) {
    headers.add(name);
    headers.add(value);
    return this;
  }

  /** ClientLogin with the right password; keeps the Auth token. */
  ReaderClient login() throws Exception {
    HttpResponse<String> r = post("/accounts/ClientLogin", form("Email", USER, "Passwd", PASSWORD));
    assertEquals(200, r.statusCode(), r.body());
    for (String line : r.body().split("\n")) {
      if (line.startsWith("Auth=")) auth = line.substring(5);
    }
    return this;
  }

  String token() throws Exception {
    HttpResponse<String> r = get("/reader/api/0/token");
    assertEquals(200, r.statusCode(), r.body());
    return r.body().trim();
  }

  HttpResponse<String> get(String path, String... extraHeaders) throws Exception {
    HttpRequest.Builder b = request(path).GET();
    if (extraHeaders.length > 0) b.headers(extraHeaders);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonObject getJson(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return new JsonObject(r.body());
  }

  HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonObject postJson(String path, String form) throws Exception {
    HttpResponse<String> r = post(path, form);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return new JsonObject(r.body());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (auth != null) b.header("Authorization", "GoogleLogin auth=" + auth);
    if (!headers.isEmpty()) b.headers(headers.toArray(String[]::new));
    return b;
  }

  /** A form body from name, value pairs; names may repeat. */
  static String form(String... pairs) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parts.add(
          URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The decimal ids of an itemRefs answer. */
  static List<Long> refs(JsonObject answer) {
    List<Long> ids = new ArrayList<>();
    JsonArray refs = answer.getJsonArray("itemRefs");
    for (int i = 0; i < refs.size(); i++)
      ids.add(Long.parseLong(refs.getJsonObject(i).getString("id")));
    return ids;
  }
}
