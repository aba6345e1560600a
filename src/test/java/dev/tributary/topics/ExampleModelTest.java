package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleModelTest {
  final TextAnalyzer analyzer = new TextAnalyzer();
  final CorpusStats corpus = new CorpusStats();

  TermCounts terms(String text) {
    return TermCounts.of(analyzer.analyze("", text));
  }

  ExampleModel model() {
    for (String background :
        List.of(
            "The council approved the new budget for roads and schools.",
            "The striker scored twice as the home side won the match.",
            "Ketamine infusions helped patients with treatment-resistant depression.")) {
      corpus.add(terms(background));
    }
    return ExampleModel.build(
        Map.of(
            "sourdough",
            List.of(
                terms(
                    "Feed the sourdough starter, fold the dough, proof the loaf and bake the bread."),
                terms(
                    "A sourdough loaf: starter, flour, water, salt, a long proof, a hot oven, a crusty bread.")),
            "football",
            List.of(terms("The striker scored a goal and the home side won the football match."))),
        corpus);
  }

  @Test
  void anArticleLikeTheExamplesScoresHigh() {
    double score =
        model()
            .score(
                "sourdough",
                terms("Bake a crusty sourdough bread: feed the starter, proof the dough."),
                corpus)
            .orElseThrow();
    assertTrue(score >= 0.5, "score " + score);
  }

  @Test
  void anUnrelatedArticleScoresLow() {
    double score =
        model()
            .score(
                "sourdough",
                terms("The council voted on the road budget after a long debate."),
                corpus)
            .orElseThrow();
    assertTrue(score < 0.2, "score " + score);
  }

  @Test
  void aTopicWithoutExamplesHasNoScore() {
    assertTrue(model().score("ketamine", terms("ketamine"), corpus).isEmpty());
    assertEquals(java.util.Set.of("sourdough", "football"), model().slugs());
  }
}
