package dev.tributary.topics;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates the taxonomy JSON; every error names the source and the topic. */
final class TaxonomyParser {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final TextAnalyzer WORDS = new TextAnalyzer();

  private final String source;

  private TaxonomyParser(String source) {
    this.source = source;
  }

  static Taxonomy parse(String json, String source) {
    return new TaxonomyParser(source).parse(json);
  }

  private Taxonomy parse(String json) {
    JsonObject root;
    try {
      root = new JsonObject(json);
    } catch (DecodeException | ClassCastException e) {
      throw fail("not valid JSON (" + e.getMessage() + ")");
    }
    JsonArray array = root.getValue("topics") instanceof JsonArray a ? a : null;
    if (array == null) {
      throw fail("\"topics\" must be an array of topic objects");
    }
    List<Topic> topics = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject object)) {
        throw fail("topics[" + i + "] must be an object");
      }
      topics.add(topic(object, "topics[" + i + "]"));
    }
    checkSlugsAndParents(topics);
    int version = root.getValue("version") instanceof Number n ? n.intValue() : 1;
    List<String> negations = strings(root, "negations", "top level");
    checkHaveWords(negations, "\"negations\"");
    List<String> context = strings(root, "context", "top level");
    checkHaveWords(context, "\"context\"");
    Object minimum = root.getValue("contextMinimum");
    if (minimum != null && !(minimum instanceof Integer n && n >= 0)) {
      throw fail("\"contextMinimum\" must be a whole number >= 0, got " + minimum);
    }
    int contextMinimum = minimum == null ? (context.isEmpty() ? 0 : 1) : (Integer) minimum;
    return new Taxonomy(version, topics, negations, context, contextMinimum);
  }

  private Topic topic(JsonObject object, String where) {
    String slug = text(object, "slug", where);
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw fail(where + ": \"slug\" is missing or not lower-case-with-hyphens: " + slug);
    }
    String at = "topic '" + slug + "'";
    String label = text(object, "label", at);
    if (label == null || label.isBlank()) {
      throw fail(at + ": missing \"label\"");
    }
    double threshold = threshold(object, at);
    for (String key :
        List.of(
            "terms",
            "phrases",
            "acronyms",
            "exact",
            "counted",
            "exclude",
            "senses",
            "references")) {
      checkHaveWords(strings(object, key, at), at + ": \"" + key + "\"");
    }
    return new Topic(
        slug,
        label,
        text(object, "parent", at),
        strings(object, "terms", at),
        strings(object, "phrases", at),
        strings(object, "acronyms", at),
        strings(object, "exact", at),
        strings(object, "counted", at),
        strings(object, "exclude", at),
        strings(object, "senses", at),
        strings(object, "references", at),
        threshold,
        flag(object, "listsOfItsOwn", at));
  }

  private boolean flag(JsonObject object, String key, String at) {
    Object value = object.getValue(key);
    if (value != null && !(value instanceof Boolean)) {
      throw fail(at + ": \"" + key + "\" must be true or false, got " + value);
    }
    return Boolean.TRUE.equals(value);
  }

  private double threshold(JsonObject object, String at) {
    Object value = object.getValue("threshold");
    if (value == null) {
      return Topic.DEFAULT_THRESHOLD;
    }
    if (!(value instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() > 1) {
      throw fail(at + ": \"threshold\" must be a number in (0, 1], got " + value);
    }
    return n.doubleValue();
  }

  private void checkSlugsAndParents(List<Topic> topics) {
    Set<String> slugs = new HashSet<>();
    for (Topic topic : topics) {
      if (!slugs.add(topic.slug())) {
        throw fail("duplicate slug '" + topic.slug() + "'");
      }
    }
    for (Topic topic : topics) {
      String parent = topic.parent();
      if (parent != null && (!slugs.contains(parent) || parent.equals(topic.slug()))) {
        throw fail("topic '" + topic.slug() + "': unknown parent '" + parent + "'");
      }
    }
    for (Topic topic : topics) {
      checkNoCycle(topic, topics);
    }
  }

  private void checkNoCycle(Topic start, List<Topic> topics) {
    Set<String> seen = new HashSet<>();
    String slug = start.slug();
    while (slug != null) {
      if (!seen.add(slug)) {
        throw fail("topic '" + start.slug() + "': parents form a cycle");
      }
      String current = slug;
      slug = topics.stream().filter(t -> t.slug().equals(current)).findFirst().get().parent();
    }
  }

  private String text(JsonObject object, String key, String at) {
    Object value = object.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw fail(at + ": \"" + key + "\" must be a string");
    }
    return (String) value;
  }

  private List<String> strings(JsonObject object, String key, String at) {
    Object value = object.getValue(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw fail(at + ": \"" + key + "\" must be an array of strings");
    }
    List<String> result = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String s) || s.isBlank()) {
        throw fail(at + ": \"" + key + "\" must hold only non-empty strings, got " + item);
      }
      result.add(s);
    }
    return result;
  }

  private void checkHaveWords(List<String> patterns, String at) {
    for (String pattern : patterns) {
      if (WORDS.words(pattern).isEmpty()) {
        throw fail(at + " entry \"" + pattern + "\" contains no words");
      }
    }
  }

  private TaxonomyException fail(String problem) {
    return new TaxonomyException(source + ": " + problem);
  }
}
