package dev.tributary.article;

import java.time.Instant;
import java.util.List;

/**
 * A document as it arrived, already decoded to text, before extraction. The message every input
 * sends to the {@code tributary.pipeline} address (see {@code bus/Addresses}).
 *
 * @param name file name or other label for logs and errors
 * @param body the decoded text (BOM removed)
 * @param titleHint a title given by the input (HTTP query, feed entry), or null
 * @param url canonical URL given by the input, or null
 * @param guid the source's own id for the entry (feed GUID), or null
 * @param published publication time given by the input, or null for "now"
 * @param author byline given by the input, or null
 * @param tags free tags given by the input (a feed entry's categories), may be empty
 */
public record RawDocument(
    String name,
    Format format,
    String body,
    SourceRef source,
    String titleHint,
    String url,
    String guid,
    Instant published,
    String author,
    List<String> tags) {

  public RawDocument {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public static RawDocument of(String name, Format format, String body, SourceRef source) {
    return new RawDocument(name, format, body, source, null, null, null, null, null, List.of());
  }
}
