package dev.tributary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockedThreadGuardTest {
  Vertx vertx;

  @BeforeEach
  void start() {
    vertx = TestServer.newVertx();
    BlockedThreadGuard.attach();
    BlockedThreadGuard.failOnWarnings("an earlier test");
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aSleepOnTheEventLoopFailsTheTestWithTheBlockedStack() throws Exception {
    Context loop = vertx.getOrCreateContext();
    loop.runOnContext(v -> sleepOnTheEventLoop());
    awaitQuiet(loop);
    AssertionError failure =
        assertThrows(AssertionError.class, () -> BlockedThreadGuard.failOnWarnings("this test"));
    assertTrue(failure.getMessage().contains("sleepOnTheEventLoop"), failure.getMessage());
  }

  @Test
  void aQuietEventLoopPasses() throws Exception {
    awaitQuiet(vertx.getOrCreateContext());
    assertDoesNotThrow(() -> BlockedThreadGuard.failOnWarnings("this test"));
  }

  private static void sleepOnTheEventLoop() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the event loop has run everything queued on it before this call. */
  private static void awaitQuiet(Context loop) throws Exception {
    Promise<Void> ran = Promise.promise();
    loop.runOnContext(v -> ran.complete());
    ran.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
