package dev.tributary.article;

/** Where an article came from: the inbox, the HTTP API, or a subscribed feed. */
public record SourceRef(String id, String title) {
  public static final SourceRef INBOX = new SourceRef("inbox", "Inbox");
  public static final SourceRef API = new SourceRef("api", "API");
}
