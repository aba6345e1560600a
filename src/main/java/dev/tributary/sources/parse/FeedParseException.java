package dev.tributary.sources.parse;

/** A body that could not be read as a feed (or OPML list), with a reason a caller can act on. */
public final class FeedParseException extends Exception {

  /** Why a body was refused. */
  public enum Reason {
    /** Well-formed, but not RSS, Atom, JSON Feed (or OPML): probably a web page. */
    NOT_A_FEED,
    /** Looks like a feed but is broken beyond what a lenient reader repairs. */
    MALFORMED,
    /** Carries a DOCTYPE with declarations (entity bombs, external entities): never expanded. */
    HOSTILE,
    /** No bytes, or only white space. */
    EMPTY,
    /** Declares a character encoding this JVM cannot decode. */
    UNSUPPORTED_ENCODING
  }

  private final Reason reason;

  public FeedParseException(Reason reason, String message) {
    this(reason, message, null);
  }

  public FeedParseException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
