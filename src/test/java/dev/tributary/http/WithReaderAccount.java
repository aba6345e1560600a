package dev.tributary.http;

import static dev.tributary.http.ReaderClient.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.TestServer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server with the reader account on and three articles from two sources (two from {@code
 * api:news}, one from {@code api}, all about ketamine), stored oldest first: the start of every
 * reader-app test.
 */
abstract class WithReaderAccount {
  @TempDir Path dataDir;
  Vertx vertx;
  TestServer server;

  @BeforeEach
  void startWithThreeArticles() throws Exception {
    vertx = TestServer.newVertx();
    server = TestServer.start(vertx, dataDir, ReaderClient.account());
    post("Esketamine approved", "news", "Esketamine nasal spray was approved for depression.");
    post("Ketamine for PTSD", "news", "Ketamine eased nightmares after trauma in a small trial.");
    post("Clinic notes", null, "Ketamine infusion clinics report waiting lists.");
  }

  @AfterEach
  void stopServer() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Posts an article through the API, from {@code api:<source>} (or {@code api} when null). */
  void post(String title, String source, String text) throws Exception {
    String query = "?title=" + enc(title) + (source == null ? "" : "&source=" + source);
    assertEquals(
        201, server.post("/api/articles" + query, "text/plain", text, server.token).statusCode());
  }
}
