package dev.tributary.topics;

import dev.tributary.article.ArticleTopic;
import dev.tributary.article.Format;
import dev.tributary.extract.ArticleExtractor;
import dev.tributary.extract.ExtractedArticle;
import dev.tributary.extract.ExtractionException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A folder of hand-labelled articles: {@code labels.json} ({@code {"file.txt": ["slug", …]}}) next
 * to the article files. Each article goes through the same extraction as ingestion, so evaluation
 * measures the topics readers get.
 */
public final class LabelledSet {
  public static final String LABELS_FILE = "labels.json";

  /** An article as the tagger sees it, with its hand labels. */
  public record LabelledArticle(String file, String title, String text, Set<String> labels) {}

  private final List<LabelledArticle> articles;

  private LabelledSet(List<LabelledArticle> articles) {
    this.articles = List.copyOf(articles);
  }

  /**
   * @throws IOException when the folder, labels.json or an article cannot be read
   * @throws IllegalArgumentException when labels.json is malformed or an article has no text
   */
  public static LabelledSet load(Path dir) throws IOException {
    JsonObject labels;
    try {
      labels = new JsonObject(Files.readString(dir.resolve(LABELS_FILE), StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      throw new IllegalArgumentException(dir.resolve(LABELS_FILE) + ": not valid JSON", e);
    }
    ArticleExtractor extractor = new ArticleExtractor();
    List<LabelledArticle> articles = new ArrayList<>();
    for (String file : new TreeSet<>(labels.fieldNames())) {
      if (!(labels.getValue(file) instanceof JsonArray slugs)) {
        throw new IllegalArgumentException(LABELS_FILE + ": \"" + file + "\" needs an array");
      }
      Format format =
          Format.fromFileName(file)
              .orElseThrow(() -> new IllegalArgumentException(file + ": unsupported file type"));
      String body = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
      try {
        ExtractedArticle extracted = extractor.extract(format, body, null);
        Set<String> gold = new LinkedHashSet<>();
        slugs.forEach(slug -> gold.add(String.valueOf(slug)));
        articles.add(new LabelledArticle(file, extracted.title(), extracted.plainText(), gold));
      } catch (ExtractionException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
    return new LabelledSet(articles);
  }

  public List<LabelledArticle> articles() {
    return articles;
  }

  /** Tags every article and compares with its labels. */
  public Evaluation.Report evaluate(TopicTagger tagger, Taxonomy taxonomy) {
    List<Evaluation.Case> cases = new ArrayList<>();
    for (LabelledArticle article : articles) {
      Set<String> predicted =
          tagger.tag(article.title(), article.text()).stream()
              .map(ArticleTopic::slug)
              .collect(Collectors.toSet());
      cases.add(new Evaluation.Case(article.file(), article.labels(), predicted));
    }
    return new Evaluation(taxonomy).evaluate(cases);
  }
}
