package dev.tributary.ingest;

import dev.tributary.article.Article;
import dev.tributary.article.ArticleIds;
import dev.tributary.article.ArticleIds.NormalText;
import dev.tributary.article.RawDocument;
import dev.tributary.extract.ExtractedArticle;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Joins what the input said about a document with what extraction found in it, into an untagged
 * {@link Article} with its stable id.
 */
public final class ArticleAssembler {
  private final Clock clock;

  public ArticleAssembler(Clock clock) {
    this.clock = clock;
  }

  public Article assemble(RawDocument doc, ExtractedArticle extracted) {
    return assemble(doc, extracted, NormalText.of(extracted.plainText()));
  }

  /**
   * {@code normal}: the extracted plain text, normalised (its content hash is made from it too).
   */
  Article assemble(RawDocument doc, ExtractedArticle extracted, NormalText normal) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant published = doc.published() != null ? doc.published() : now;
    Set<String> tags = new LinkedHashSet<>(extracted.tags());
    for (String category : doc.tags()) {
      String tag =
          category.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
      tag = tag.replaceAll("^-+|-+$", "");
      if (!tag.isEmpty()) tags.add(tag);
    }
    return new Article(
        idFor(doc, extracted, normal),
        extracted.title(),
        extracted.summary(),
        extracted.contentHtml(),
        extracted.plainText(),
        blankToNull(doc.url()),
        doc.source(),
        blankToNull(doc.author()),
        published,
        now,
        List.of(),
        List.copyOf(tags));
  }

  static String idFor(RawDocument doc, ExtractedArticle extracted, NormalText normal) {
    if (doc.guid() != null && !doc.guid().isBlank()) {
      return ArticleIds.forGuid(doc.source().id(), doc.guid());
    }
    if (doc.url() != null && !doc.url().isBlank()) return ArticleIds.forUrl(doc.url());
    return normal.textId(extracted.title());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
