package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static final Taxonomy TAXONOMY =
      Taxonomy.parse(
          """
          {"topics": [
            {"slug": "depression", "label": "Depression", "terms": ["depression"]},
            {"slug": "trd", "label": "TRD", "parent": "depression", "terms": ["refractory"]},
            {"slug": "anxiety", "label": "Anxiety", "terms": ["anxiety"]},
            {"slug": "ocd", "label": "OCD", "terms": ["obsessions"]}
          ]}
          """);
  private final Evaluation evaluation = new Evaluation(TAXONOMY);

  @Test
  void countsPerTopicAndCombinesMicroAndMacro() {
    Evaluation.Report report =
        evaluation.evaluate(
            List.of(
                new Evaluation.Case("a", Set.of("depression"), Set.of("depression")),
                new Evaluation.Case("b", Set.of("depression", "anxiety"), Set.of("anxiety")),
                new Evaluation.Case("c", Set.of(), Set.of("anxiety", "depression"))));
    Evaluation.TopicFigures depression = figures(report, "depression");
    assertEquals(1, depression.truePositives());
    assertEquals(1, depression.falsePositives());
    assertEquals(1, depression.falseNegatives());
    assertEquals(0.5, depression.precision(), 1e-9);
    assertEquals(0.5, depression.recall(), 1e-9);
    assertEquals(0.5, depression.f1(), 1e-9);
    Evaluation.TopicFigures anxiety = figures(report, "anxiety");
    assertEquals(0.5, anxiety.precision(), 1e-9);
    assertEquals(1.0, anxiety.recall(), 1e-9);
    assertEquals(2.0 / 3, anxiety.f1(), 1e-9);
    // micro: TP 2, FP 2, FN 1 -> 4 / 7
    assertEquals(4.0 / 7, report.microF1(), 1e-9);
    // macro over the two topics in use only; trd and ocd never appear
    assertEquals((0.5 + 2.0 / 3) / 2, report.macroF1(), 1e-9);
    assertTrue(Double.isNaN(figures(report, "ocd").f1()));
    assertEquals(2, report.misses().size());
    assertEquals(Set.of("depression"), report.misses().get(0).missing());
    assertEquals(Set.of("anxiety", "depression"), report.misses().get(1).extra());
  }

  @Test
  void aChildLabelImpliesItsParent() {
    Evaluation.Report report =
        evaluation.evaluate(
            List.of(new Evaluation.Case("a", Set.of("trd"), Set.of("trd", "depression"))));
    assertEquals(1, figures(report, "depression").truePositives());
    assertEquals(0, figures(report, "depression").falsePositives());
    assertEquals(1.0, report.microF1(), 1e-9);
    assertTrue(report.misses().isEmpty());
  }

  @Test
  void aPerfectlyEmptySetScoresOne() {
    Evaluation.Report report =
        evaluation.evaluate(List.of(new Evaluation.Case("weather", Set.of(), Set.of())));
    assertEquals(1.0, report.microF1(), 1e-9);
    assertEquals(1.0, report.macroF1(), 1e-9);
  }

  @Test
  void reportsEachGroupApartAndCountsTaggedOffDomainArticles() {
    Evaluation.Report report =
        evaluation.evaluate(
            List.of(
                new Evaluation.Case("a", Set.of("depression"), Set.of("depression")),
                new Evaluation.Case(
                    "b", Set.of("anxiety"), Set.of("anxiety", "depression"), "hard-negative"),
                new Evaluation.Case("weather", Set.of(), Set.of("depression")),
                new Evaluation.Case("sport", Set.of(), Set.of())));
    assertEquals(
        List.of("in-domain", "hard-negative", "off-domain"), List.copyOf(report.groups().keySet()));
    assertEquals(1.0, report.groups().get("in-domain").microF1(), 1e-9);
    Evaluation.Report hard = report.groups().get("hard-negative");
    assertEquals(1, hard.falsePositives());
    assertEquals(2.0 / 3, hard.microF1(), 1e-9);
    Evaluation.Report off = report.groups().get("off-domain");
    assertEquals(2, off.articles());
    assertEquals(1, off.tagged());
    assertEquals(1, off.falsePositives());
    assertEquals("off-domain", report.misses().get(1).group());
    assertEquals(3, report.tagged());
  }

  @Test
  void poolsSetsBySummingEachTopicsCounts() {
    Evaluation.Report one =
        evaluation.evaluate(
            List.of(new Evaluation.Case("a", Set.of("depression"), Set.of("depression"))));
    Evaluation.Report two =
        evaluation.evaluate(
            List.of(
                new Evaluation.Case("b", Set.of("depression"), Set.of()),
                new Evaluation.Case("c", Set.of(), Set.of("anxiety"))));
    Evaluation.Report pooled = Evaluation.pooled(List.of(one, two));
    assertEquals(3, pooled.articles());
    assertEquals(1, figures(pooled, "depression").truePositives());
    assertEquals(1, figures(pooled, "depression").falseNegatives());
    // TP 1, FP 1, FN 1
    assertEquals(0.5, pooled.microF1(), 1e-9);
    assertEquals(1, pooled.groups().get("off-domain").tagged());
  }

  @Test
  void rejectsLabelsOutsideTheTaxonomy() {
    assertThrows(
        IllegalArgumentException.class,
        () -> evaluation.evaluate(List.of(new Evaluation.Case("a", Set.of("sadness"), Set.of()))));
  }

  private static Evaluation.TopicFigures figures(Evaluation.Report report, String slug) {
    return report.topics().stream().filter(t -> t.slug().equals(slug)).findFirst().orElseThrow();
  }
}
