package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {
  static final Path SHIPPED = Path.of("conf/topics.json");

  @Test
  void shipsExactlyTheEighteenAgreedSlugs() {
    Taxonomy taxonomy = Taxonomy.load(SHIPPED);
    assertEquals(
        List.of(
            "ketamine",
            "depression",
            "treatment-resistant-depression",
            "anxiety",
            "ptsd",
            "ocd",
            "bipolar-disorder",
            "suicidal-ideation",
            "chronic-pain",
            "addiction",
            "nmda-glutamate",
            "neuroplasticity",
            "iv-infusion",
            "nasal-spray",
            "side-effects",
            "clinical-research",
            "recreational-use",
            "anesthesia"),
        taxonomy.topics().stream().map(Topic::slug).toList());
    assertEquals(1, taxonomy.version());
    assertEquals(
        "depression", taxonomy.topic("treatment-resistant-depression").orElseThrow().parent());
  }

  @Test
  void defaultsTheThresholdAndOptionalLists() {
    Topic topic = Taxonomy.parse("{\"topics\":[{\"slug\":\"a\",\"label\":\"A\"}]}").topics().get(0);
    assertEquals(Topic.DEFAULT_THRESHOLD, topic.threshold());
    assertTrue(topic.terms().isEmpty() && topic.parentSlug().isEmpty());
    assertTrue(topic.exact().isEmpty() && topic.senses().isEmpty());
    assertTrue(topic.counted().isEmpty());
    assertFalse(topic.listsOfItsOwn());
  }

  @Test
  void readsCountedWordsAsWordsOfTheTopic() {
    Topic topic =
        Taxonomy.parse(
                "{\"topics\":[{\"slug\":\"a\",\"label\":\"A\","
                    + "\"counted\":[\"antidepressants\"]}]}")
            .topics()
            .get(0);
    assertEquals(List.of("antidepressants"), topic.counted());
    assertTrue(topic.hasRules(), "a topic with counted words alone has rules");
    assertFails(
        "{\"topics\":[{\"slug\":\"a\",\"label\":\"A\",\"counted\":[\"--\"]}]}",
        "topic 'a': \"counted\" entry \"--\" contains no words");
  }

  @Test
  void readsWhetherATopicIsSpokenOfAsLists() {
    String json = "{\"topics\":[{\"slug\":\"a\",\"label\":\"A\",\"listsOfItsOwn\":%s}]}";
    assertTrue(Taxonomy.parse(json.formatted("true")).topics().get(0).listsOfItsOwn());
    assertFails(json.formatted("\"yes\""), "topic 'a': \"listsOfItsOwn\" must be true or false");
  }

  @Test
  void readsExactWordsAndSenses() {
    Topic topic =
        Taxonomy.parse(
                "{\"topics\":[{\"slug\":\"a\",\"label\":\"A\",\"exact\":[\"tolerance\"],"
                    + "\"senses\":[\"neural network\"]}]}")
            .topics()
            .get(0);
    assertEquals(List.of("tolerance"), topic.exact());
    assertEquals(List.of("neural network"), topic.senses());
    assertFails(
        "{\"topics\":[{\"slug\":\"a\",\"label\":\"A\",\"senses\":[\"--\"]}]}",
        "topic 'a': \"senses\" entry \"--\" contains no words");
    assertFails(
        "{\"topics\":[{\"slug\":\"a\",\"label\":\"A\",\"exact\":[3]}]}",
        "\"exact\" must hold only non-empty strings");
  }

  @Test
  void writesAnExactWordInEveryCaseAHeadlineOrSentenceUses() {
    assertEquals(
        List.of("take-home supply", "Take-home supply", "Take-Home Supply", "TAKE-HOME SUPPLY"),
        List.copyOf(TopicMatcher.writtenForms("take-home supply")));
  }

  @Test
  void namesTheFileItCannotRead(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    TaxonomyException e = assertThrows(TaxonomyException.class, () -> Taxonomy.load(missing));
    assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
  }

  @Test
  void namesTheFileWithBadJson(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("topics.json"), "{\"topics\": [");
    TaxonomyException e = assertThrows(TaxonomyException.class, () -> Taxonomy.load(file));
    assertTrue(e.getMessage().startsWith(file + ": not valid JSON"), e.getMessage());
  }

  @Test
  void refusesDuplicateSlugs() {
    assertFails(
        "{\"topics\":[{\"slug\":\"ocd\",\"label\":\"OCD\"},{\"slug\":\"ocd\",\"label\":\"O\"}]}",
        "duplicate slug 'ocd'");
  }

  @Test
  void refusesUnknownParents() {
    assertFails(
        "{\"topics\":[{\"slug\":\"trd\",\"label\":\"TRD\",\"parent\":\"depresion\"}]}",
        "topic 'trd': unknown parent 'depresion'");
  }

  @Test
  void refusesParentCycles() {
    assertFails(
        "{\"topics\":[{\"slug\":\"a\",\"label\":\"A\",\"parent\":\"b\"},"
            + "{\"slug\":\"b\",\"label\":\"B\",\"parent\":\"a\"}]}",
        "parents form a cycle");
  }

  @Test
  void refusesMissingLabels() {
    assertFails("{\"topics\":[{\"slug\":\"ocd\"}]}", "topic 'ocd': missing \"label\"");
  }

  @Test
  void refusesSlugsThatAreNotLowerCaseWithHyphens() {
    assertFails("{\"topics\":[{\"slug\":\"Bad Slug\",\"label\":\"B\"}]}", "\"slug\"");
  }

  @Test
  void refusesThresholdsOutsideZeroToOne() {
    assertFails(
        "{\"topics\":[{\"slug\":\"a\",\"label\":\"A\",\"threshold\":1.5}]}", "\"threshold\"");
  }

  @Test
  void refusesPhrasesWithoutWords() {
    assertFails(
        "{\"topics\":[{\"slug\":\"a\",\"label\":\"A\",\"phrases\":[\"--\"]}]}",
        "topic 'a': \"phrases\" entry \"--\" contains no words");
  }

  @Test
  void refusesAContextMinimumThatIsNotAWholeNumber() {
    assertFails(
        "{\"context\":[\"patient\"],\"contextMinimum\":-1,\"topics\":[]}", "\"contextMinimum\"");
  }

  private static void assertFails(String json, String problem) {
    TaxonomyException e = assertThrows(TaxonomyException.class, () -> Taxonomy.parse(json));
    assertTrue(e.getMessage().startsWith("taxonomy: "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }
}
