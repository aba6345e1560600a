package dev.tributary.extract.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org objects a page declares in {@code <script type="application/ld+json">} blocks,
 * flattened out of arrays and {@code @graph}s. A block that is not valid JSON is skipped: pages get
 * it wrong often, and the rest of the page still has something to say.
 */
final class JsonLd {

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "blogposting",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "scholarlyarticle",
          "techarticle",
          "report",
          "liveblogposting",
          "socialmediaposting");

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(64)
                  .maxStringLength(1_000_000)
                  .maxDocumentLength(2_000_000)
                  .build())
          .build();

  private final List<Map<String, Object>> nodes;

  private JsonLd(List<Map<String, Object>> nodes) {
    this.nodes = nodes;
  }

  static JsonLd of(Document document) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (Element script : document.select("script[type~=(?i)application/ld\\+json]")) {
      parse(script.data()).ifPresent(value -> flatten(value, nodes));
    }
    return new JsonLd(nodes);
  }

  /** The page's article object, or failing that the first object that has a headline. */
  Optional<Map<String, Object>> article() {
    return nodes.stream()
        .filter(node -> types(node).stream().anyMatch(ARTICLE_TYPES::contains))
        .findFirst()
        .or(() -> nodes.stream().filter(node -> node.get("headline") != null).findFirst());
  }

  String headline() {
    return article().map(node -> string(node.get("headline"))).orElse(null);
  }

  String datePublished() {
    return article().map(node -> string(node.get("datePublished"))).orElse(null);
  }

  String publisherName() {
    return article().map(node -> name(node.get("publisher"))).orElse(null);
  }

  /** The article's author or authors: names, Person/Organization objects or {@code @id}s. */
  String author() {
    Object author = article().map(node -> node.get("author")).orElse(null);
    List<String> names = new ArrayList<>();
    List<?> authors = author instanceof List<?> list ? list : listOf(author);
    for (Object one : authors) {
      String name = name(one);
      if (name != null && !names.contains(name)) names.add(name);
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static List<?> listOf(Object value) {
    return value == null ? List.of() : List.of(value);
  }

  /** A name given as a string, an object with a name, or a reference to an object in the page. */
  private String name(Object value) {
    if (value instanceof String text) return Texts.squash(text);
    if (!(value instanceof Map<?, ?> object)) return null;
    String name = string(object.get("name"));
    if (name != null) return name;
    String id = string(object.get("@id"));
    return id == null ? null : byId(id).map(found -> string(found.get("name"))).orElse(null);
  }

  private Optional<Map<String, Object>> byId(String id) {
    return nodes.stream().filter(node -> id.equals(node.get("@id"))).findFirst();
  }

  private static List<String> types(Map<String, Object> node) {
    Object type = node.get("@type");
    List<String> types = new ArrayList<>();
    for (Object one : type instanceof List<?> list ? list : listOf(type)) {
      if (one instanceof String text) types.add(text.toLowerCase(Locale.ROOT));
    }
    return types;
  }

  private static String string(Object value) {
    if (value instanceof List<?> list && !list.isEmpty()) return string(list.get(0));
    if (value instanceof Map<?, ?> object) return string(object.get("@value"));
    return value instanceof String text ? Texts.squash(text) : null;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(Object value, List<Map<String, Object>> into) {
    if (value instanceof List<?> list) {
      list.forEach(item -> flatten(item, into));
    } else if (value instanceof Map<?, ?> object) {
      into.add((Map<String, Object>) object);
      flatten(object.get("@graph"), into);
    }
  }

  private static Optional<Object> parse(String script) {
    String json = script.strip();
    // CMSs wrap the block in comments or CDATA markers meant for ancient browsers
    json = json.replaceFirst("^(<!--|/\\*\\s*<!\\[CDATA\\[\\s*\\*/|//\\s*<!\\[CDATA\\[)", "");
    json = json.replaceFirst("(-->|/\\*\\s*]]>\\s*\\*/|//\\s*]]>)$", "").strip();
    if (json.endsWith(";")) json = json.substring(0, json.length() - 1);
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken first = parser.nextToken();
      return first == null ? Optional.empty() : Optional.ofNullable(value(parser, first));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> array(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  private static Map<String, Object> object(JsonParser parser) throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      Object value = value(parser, parser.nextToken());
      if (value != null) object.putIfAbsent(field, value);
    }
    if (token != JsonToken.END_OBJECT) throw new IOException("unterminated object");
    return object;
  }

  private static List<Object> array(JsonParser parser) throws IOException {
    List<Object> array = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == null) throw new IOException("unterminated array");
      Object value = value(parser, token);
      if (value != null) array.add(value);
    }
    return array;
  }
}
