package dev.tributary.publish;

/** The three feed formats Tributary publishes, with their file extension and media type. */
public enum FeedFormat {
  ATOM("atom", "application/atom+xml"),
  RSS("rss", "application/rss+xml"),
  JSON("json", "application/feed+json");

  private final String extension;
  private final String mediaType;

  FeedFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }
}
