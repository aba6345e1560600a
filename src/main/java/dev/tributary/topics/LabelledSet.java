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
import java.util.stream.Stream;

/**
 * A folder of hand-labelled articles: {@code labels.json} ({@code {"file.txt": ["slug", …]}}) next
 * to the article files, and optionally {@code groups.json} ({@code {"file.txt": "hard-negative",
 * …}}: in-domain, hard-negative or off-domain); without it an article with no label is off-domain,
 * any other in-domain. Each article goes through the same extraction as ingestion, so evaluation
 * measures the topics readers get.
 */
public final class LabelledSet {
  public static final String LABELS_FILE = "labels.json";
  public static final String GROUPS_FILE = "groups.json";

  /** An article as the tagger sees it, with its hand labels and its group. */
  public record LabelledArticle(
      String file, String title, String text, Set<String> labels, String group) {}

  private final List<LabelledArticle> articles;

  private LabelledSet(List<LabelledArticle> articles) {
    this.articles = List.copyOf(articles);
  }

  /**
   * @throws IOException when the folder, labels.json or an article cannot be read
   * @throws IllegalArgumentException when labels.json is malformed or an article has no text
   */
  public static LabelledSet load(Path dir) throws IOException {
    JsonObject labels = readJson(dir.resolve(LABELS_FILE));
    JsonObject groups =
        Files.exists(dir.resolve(GROUPS_FILE)) ? readJson(dir.resolve(GROUPS_FILE)) : null;
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
        articles.add(
            new LabelledArticle(
                file, extracted.title(), extracted.plainText(), gold, groupOf(file, gold, groups)));
      } catch (ExtractionException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
    return new LabelledSet(articles);
  }

  private static JsonObject readJson(Path file) throws IOException {
    try {
      return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      throw new IllegalArgumentException(file + ": not valid JSON", e);
    }
  }

  private static String groupOf(String file, Set<String> gold, JsonObject groups) {
    if (groups == null) return gold.isEmpty() ? Evaluation.OFF_DOMAIN : Evaluation.IN_DOMAIN;
    if (!(groups.getValue(file) instanceof String group) || group.isBlank()) {
      throw new IllegalArgumentException(GROUPS_FILE + ": \"" + file + "\" needs a group name");
    }
    if (group.equals(Evaluation.OFF_DOMAIN) && !gold.isEmpty()) {
      throw new IllegalArgumentException(file + ": off-domain but labelled " + gold);
    }
    return group;
  }

  /**
   * The labelled sets under {@code path}: the folder itself when it holds labels.json, else its
   * sub-folders that do, by name.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static List<Path> setsUnder(Path path) throws IOException {
    if (Files.isRegularFile(path.resolve(LABELS_FILE))) return List.of(path);
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + ": no such folder");
    }
    List<Path> sets;
    try (Stream<Path> children = Files.list(path)) {
      sets =
          children
              .filter(child -> Files.isRegularFile(child.resolve(LABELS_FILE)))
              .sorted()
              .toList();
    }
    if (sets.isEmpty()) {
      throw new IllegalArgumentException(
          path + ": no " + LABELS_FILE + " in it or in its sub-folders");
    }
    return sets;
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
      cases.add(new Evaluation.Case(article.file(), article.labels(), predicted, article.group()));
    }
    return new Evaluation(taxonomy).evaluate(cases);
  }
}
