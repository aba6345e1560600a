package dev.tributary.ingest;

import dev.tributary.topics.TopicExplanation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Topic explanations as the API shows them. */
final class ExplanationJson {
  private ExplanationJson() {}

  static JsonArray of(List<TopicExplanation> explanations) {
    JsonArray topics = new JsonArray();
    for (TopicExplanation e : explanations) {
      JsonArray evidence = new JsonArray();
      for (TopicExplanation.Evidence ev : e.evidence()) {
        evidence.add(
            new JsonObject()
                .put("text", ev.text())
                .put("zone", ev.zone())
                .put("paragraph", ev.paragraph())
                .put("weight", ev.weight())
                .put("contribution", ev.contribution()));
      }
      JsonArray vetoed = new JsonArray();
      for (TopicExplanation.Vetoed v : e.vetoed()) {
        vetoed.add(
            new JsonObject()
                .put("text", v.text())
                .put("zone", v.zone())
                .put("paragraph", v.paragraph())
                .put("kind", v.kind())
                .put("by", v.by()));
      }
      topics.add(
          new JsonObject()
              .put("slug", e.slug())
              .put("label", e.label())
              .put("applied", e.applied())
              .put("reason", e.reason())
              .put("score", e.score())
              .put("threshold", e.threshold())
              .put("rules", e.rules())
              .put("examples", e.examples())
              .put("evidenceSum", e.evidenceSum())
              .put("saturation", e.saturation())
              .put("bodyWords", e.bodyWords())
              .put("evidence", evidence)
              .put("vetoed", vetoed));
    }
    return topics;
  }
}
