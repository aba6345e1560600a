package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.store.sqlite.SqliteStore;
import dev.tributary.websub.HubSubscription;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V5: a subscription stored before callback tokens survives the upgrade and is asked anew. */
class HubCallbackTokenMigrationTest {
  @TempDir Path dataDir;

  @Test
  void aSubscriptionFromBeforeCallbackTokensHasNoneAndNeedsANewRequest() throws Exception {
    try (Connection v4 =
        DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("tributary.db"))) {
      new Migrations("sqlite", SqliteStore.MIGRATIONS.subList(0, 4)).migrate(v4);
      try (Statement st = v4.createStatement()) {
        st.execute(
            "INSERT INTO sources (id, url, interval_seconds, next_poll_ms, created_ms)"
                + " VALUES ('s1', 'https://clinic.example/feed.xml', 900, 0, 0)");
        st.execute(
            "INSERT INTO hub_subscriptions (source_id, hub_url, topic_url, secret, state,"
                + " requested_ms, lease_seconds, lease_expires_ms) VALUES ('s1',"
                + " 'https://hub.example/', 'https://clinic.example/feed.xml', 'old-secret',"
                + " 'active', 0, 604800, 4102444800000)");
      }
    }
    try (SqliteStore store = SqliteStore.open(dataDir)) {
      HubSubscription old = store.hubSubscription("s1").orElseThrow();
      assertEquals("old-secret", old.secret());
      assertNull(old.callbackToken());
      assertFalse(old.calledBackWith(""), "no path reaches it");
      Instant now = Instant.parse("2026-05-01T12:00:00Z");
      assertTrue(
          old.needsRequest("https://hub.example/", "https://clinic.example/feed.xml", now),
          "replaced by a new subscription at the next poll, though its lease runs to 2100");

      HubSubscription renewed =
          HubSubscription.request(
              "s1", "https://hub.example/", old.topic(), "new-secret", "new-token", now);
      assertTrue(store.saveHubSubscription(renewed));
      assertEquals(renewed, store.hubSubscription("s1").orElseThrow());
    }
  }
}
