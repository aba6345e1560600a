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

  /** Where an entry links: the article's URL, else its page on this server. */
  public static String link(dev.tributary.article.Article article, String publicUrl) {
    String url = XmlText.clean(article.url());
    return url != null && !url.isBlank()
        ? url
        : withoutTrailingSlash(publicUrl) + "/articles/" + article.id();
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public static String feedId(String idKey) {
    return urn("tributary:feed:" + idKey);
  }

  private static String urn(String name) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(UTF_8));
  }
}
