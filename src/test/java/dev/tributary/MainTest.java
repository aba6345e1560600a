package dev.tributary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures: one clear line naming the key, exit code 2, no stack trace. */
class MainTest {
  @TempDir Path dir;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  PrintStream originalErr;
  PrintStream originalOut;

  @BeforeEach
  void capture() {
    originalErr = System.err;
    originalOut = System.out;
    System.setErr(new PrintStream(err, true));
    System.setOut(new PrintStream(out, true));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    System.setOut(originalOut);
  }

  Path conf(String json) throws Exception {
    Path file = dir.resolve("conf.json");
    Files.writeString(file, json);
    return file;
  }

  String dataDir() {
    return "\"data\": {\"dir\": \""
        + dir.resolve("data")
        + "\"}, \"inbox\": {\"dir\": \""
        + dir.resolve("data/inbox")
        + "\"}";
  }

  @Test
  void anUnknownStoreKindStopsStartUpWithExitTwo() throws Exception {
    int code =
        Main.run(
            "--conf", conf("{\"store\": {\"kind\": \"mongo\"}, " + dataDir() + "}").toString());
    assertEquals(2, code);
    assertTrue(
        err.toString()
            .startsWith("tributary: configuration error: store.kind: unknown value 'mongo'"),
        err.toString());
    assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
  }

  @Test
  void anUnreachablePostgresStopsStartUpNamingTheUriKeyWithoutThePassword() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    String uri = "postgresql://tributary:secret@127.0.0.1:" + closedPort + "/tributary";
    int code =
        Main.run(
            "--conf",
            conf("{\"store\": {\"kind\": \"postgres\", \"postgres\": {\"uri\": \""
                    + uri
                    + "\"}}, "
                    + dataDir()
                    + "}")
                .toString());
    assertEquals(2, code);
    assertTrue(
        err.toString()
            .startsWith(
                "tributary: configuration error: store.postgres.uri: cannot use the database at"
                    + " postgresql://127.0.0.1:"
                    + closedPort
                    + "/tributary"),
        err.toString());
    assertFalse(err.toString().contains("secret"), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
  }

  @Test
  void anUnreadableTopicsFileStopsStartUp() throws Exception {
    int code =
        Main.run(
            "--conf",
            conf("{\"topics\": {\"file\": \"/no/such/topics.json\"}, " + dataDir() + "}")
                .toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("topics.file:"), err.toString());
  }

  @Test
  void aPortInUseStopsStartUp() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String json =
          "{\"http\": {\"host\": \"127.0.0.1\", \"port\": "
              + taken.getLocalPort()
              + "}, "
              + dataDir()
              + "}";
      assertEquals(2, Main.run("--conf", conf(json).toString()));
      assertTrue(err.toString().contains("http.port:"), err.toString());
      assertTrue(err.toString().contains("already in use"), err.toString());
    }
  }

  @Test
  void aClusterMemberThatIsNotHostAndPortStopsStartUp() throws Exception {
    String json =
        "{\"cluster\": {\"enabled\": true, \"members\": \"10.0.0.2\"}, " + dataDir() + "}";
    assertEquals(2, Main.run("--conf", conf(json).toString()));
    assertEquals(
        "tributary: configuration error: cluster.members: '10.0.0.2' is not host:port",
        err.toString().strip());
  }

  @Test
  void aClusterPortInUseStopsStartUpBeforeJoining() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String json =
          "{\"cluster\": {\"enabled\": true, \"host\": \"127.0.0.1\", \"port\": "
              + taken.getLocalPort()
              + "}, "
              + dataDir()
              + "}";
      assertEquals(2, Main.run("--conf", conf(json).toString()));
      assertTrue(
          err.toString().startsWith("tributary: configuration error: cluster.port: cannot listen"),
          err.toString());
      assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
    }
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, Main.run("--help"));
    assertTrue(out.toString().contains("ingest PATH..."));
    assertTrue(out.toString().contains("--conf FILE"));
  }

  @Test
  void ingestCommandStoresFilesWithoutAServerAndSummarises() throws Exception {
    Path conf = conf("{" + dataDir() + "}");
    assertEquals(0, Main.run("ingest", "samples/articles", "--conf", conf.toString()));
    assertTrue(out.toString().contains("ingested 5, duplicates 0, failed 0"), out.toString());
    out.reset();
    assertEquals(
        0,
        Main.run("ingest", "samples/articles/000_4df5721ed5792e6c.txt", "--conf", conf.toString()));
    assertTrue(out.toString().contains("ingested 0, duplicates 1, failed 0"), out.toString());
  }

  @Test
  void topicsEvalPrintsTheFiguresAndExitsZero() throws Exception {
    Path conf = conf("{" + dataDir() + "}");
    assertEquals(
        0,
        Main.run(
            "topics", "eval", "src/test/resources/topics/labelled", "--conf", conf.toString()));
    assertTrue(out.toString().contains("micro-F1"), out.toString());
    assertTrue(out.toString().contains("treatment-resistant-depression"), out.toString());
  }

  @Test
  void retagCommandRetagsStoredArticlesWithAProgressLine() throws Exception {
    Path conf = conf("{" + dataDir() + "}");
    assertEquals(0, Main.run("ingest", "samples/articles", "--conf", conf.toString()));
    out.reset();
    assertEquals(0, Main.run("retag", "--conf", conf.toString()));
    assertTrue(out.toString().contains("re-tagged 5/5"), out.toString());
    assertTrue(out.toString().contains("re-tagged 5 articles, 0 with new topics"), out.toString());
  }
}
