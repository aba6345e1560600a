package dev.tributary.topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The topics an article can get, loaded from conf/topics.json.
 *
 * @param negations cue phrases ("not approved for") that veto any topic matched just after them
 * @param context words of the taxonomy's field (patient, clinic, drug…); an article with fewer than
 *     {@code contextMinimum} of them gets no topic, so "tropical depression" or "a cash infusion"
 *     in an off-topic article are not read in their medical sense
 */
public record Taxonomy(
    int version,
    List<Topic> topics,
    List<String> negations,
    List<String> context,
    int contextMinimum) {

  public Taxonomy {
    topics = List.copyOf(topics);
    negations = List.copyOf(negations);
    context = List.copyOf(context);
  }

  public Taxonomy(int version, List<Topic> topics, List<String> negations) {
    this(version, topics, negations, List.of(), 0);
  }

  public static Taxonomy load(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new TaxonomyException(file + ": cannot read the taxonomy file (" + e + ")", e);
    }
    return TaxonomyParser.parse(json, file.toString());
  }

  public static Taxonomy parse(String json) {
    return TaxonomyParser.parse(json, "taxonomy");
  }

  /** Slug → label, in taxonomy order. */
  public java.util.Map<String, String> labels() {
    java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (Topic t : topics) labels.put(t.slug(), t.label());
    return labels;
  }

  public Optional<Topic> topic(String slug) {
    return topics.stream().filter(t -> t.slug().equals(slug)).findFirst();
  }
}
