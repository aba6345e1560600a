package dev.tributary.publish;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.UUID;

/**
 * Stable feed and entry ids (the article in the README's API section). They depend only on the
 * article id or feed key, never on the public URL, so moving the server does not make readers see
 * every entry as new.
 */
public final class FeedIds {
  private FeedIds() {}

  public static String entryId(String articleId) {
    return urn("tributary:article:" + articleId);
  }

  public static String feedId(String idKey) {
    return urn("tributary:feed:" + idKey);
  }

  private static String urn(String name) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(UTF_8));
  }
}
