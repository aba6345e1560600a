package dev.tributary.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * How many failed logins a client address may make: {@link #FAILURES} a minute, counted in a window
 * that starts at its first failure, for the reader APIs' password and Fever key. Past that, the
 * address is refused (429) before any password is hashed, until its window ends. At most {@link
 * #ADDRESSES} addresses are remembered (the least recently failing forgotten first), so a flood
 * from many addresses costs bounded memory. Shared by every HTTP instance.
 */
public final class LoginLimit {
  static final int FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final int ADDRESSES = 10_000;

  private record Window(long startMillis, int failures) {}

  public LoginLimit() {}

  private final Cache<String, Window> windows =
      Caffeine.newBuilder().maximumSize(ADDRESSES).expireAfterWrite(WINDOW).build();

  /** Seconds the client must wait before its next try, 0 when it may try now. */
  long waitSeconds(String client, long nowMillis) {
    Window w = windows.getIfPresent(client);
    if (w == null || w.failures() < FAILURES) return 0;
    long left = w.startMillis() + WINDOW.toMillis() - nowMillis;
    return left <= 0 ? 0 : Math.max(1, (left + 999) / 1000);
  }

  void failed(String client, long nowMillis) {
    windows
        .asMap()
        .compute(
            client,
            (k, w) ->
                w == null || nowMillis - w.startMillis() >= WINDOW.toMillis()
                    ? new Window(nowMillis, 1)
                    : new Window(w.startMillis(), w.failures() + 1));
  }
}
