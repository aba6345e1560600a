package dev.tributary.bus;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our records on the local event bus: by reference, with no codec of their own to register. */
@ExtendWith(VertxExtension.class)
class CodecsTest {
  /** Longer than any wait here: a request that ends, ends because it was answered. */
  static final long HOLD_SECONDS = 60;

  record Question(String text, List<String> words) {}

  record Answer(Question question) {}

  /** A class of ours that is not a record, so not known to be immutable. */
  static final class Mutable {}

  Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    Codecs.register(vertx);
    Codecs.register(vertx); // idempotent: a second registration must not throw
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(HOLD_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void aRecordAndItsReplyArriveAsTheSameInstances() throws Exception {
    Question asked = new Question("what", List.of("a", "b"));
    Question[] received = new Question[1];
    vertx
        .eventBus()
        .<Question>consumer(
            "test.question",
            m -> {
              received[0] = m.body();
              m.reply(new Answer(m.body()));
            });
    Answer answer = await(vertx.eventBus().<Answer>request("test.question", asked)).body();
    assertSame(asked, received[0], "the receiver gets the sender's instance, not a copy");
    assertSame(asked, answer.question());
  }

  @Test
  void aClassOfOursThatIsNotARecordIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> vertx.eventBus().send("test.anything", new Mutable()));
  }

  @Test
  void theSelectorLeavesOtherTypesToVertx() {
    assertSame(null, Codecs.select(new StringBuilder("not ours")));
    assertSame(LocalCodec.NAME, Codecs.select(new Question("q", List.of())));
  }
}
