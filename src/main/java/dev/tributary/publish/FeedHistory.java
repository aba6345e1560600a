package dev.tributary.publish;

import org.jdom2.Element;
import org.jdom2.Namespace;

/** RFC 5005 (Feed Paging and Archiving) markup shared by the Atom and RSS writers. */
final class FeedHistory {
  static final Namespace FH =
      Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");

  private FeedHistory() {}

  /** {@code <fh:archive/>}: this document is an archive; its entries will not change. */
  static Element archiveMarker() {
    return new Element("archive", FH);
  }
}
