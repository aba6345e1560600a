package dev.tributary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
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

  @Test
  void classLoadingStartUpAndAnIdleLoopAreNotBlamedButAHandlerIs() {
    assertTrue(BlockedThreadGuard.isWarmUp(warning(frame("java.lang.ClassLoader", "loadClass"))));
    assertTrue(
        BlockedThreadGuard.isWarmUp(
            warning(
                frame("io.netty.channel.AbstractChannel", "bind"),
                frame("dev.tributary.http.HttpVerticle", "start"))));
    assertTrue(
        BlockedThreadGuard.isWarmUp(
            warning(
                frame("sun.nio.ch.EPoll", "wait"),
                frame("io.netty.channel.nio.NioIoHandler", "select"))));
    assertFalse(
        BlockedThreadGuard.isWarmUp(
            warning(
                frame("org.jsoup.parser.HtmlTreeBuilder", "process"),
                frame("dev.tributary.http.SourceRoutes", "importOpml"))));
  }

  private static StackTraceElement frame(String type, String method) {
    return new StackTraceElement("app", null, null, type, method, type + ".java", 1);
  }

  private static ILoggingEvent warning(StackTraceElement... frames) {
    Exception stack = new Exception("Thread blocked");
    stack.setStackTrace(frames);
    LoggingEvent event = new LoggingEvent();
    event.setLevel(Level.WARN);
    event.setMessage("Thread vert.x-eventloop-thread-0 has been blocked");
    event.setThrowableProxy(new ThrowableProxy(stack));
    return event;
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
