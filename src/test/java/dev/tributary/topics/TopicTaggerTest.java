package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.article.ArticleTopic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {
  private static final TopicTagger SHIPPED = TopicTagger.load(TaxonomyTest.SHIPPED);

  private static Map<String, Double> tag(String title, String text) {
    return SHIPPED.tag(title, text).stream()
        .collect(Collectors.toMap(ArticleTopic::slug, ArticleTopic::score));
  }

  @Nested
  class Stems {
    @Test
    void infusionsMatchTheTermInfusion() {
      Map<String, Double> topics =
          tag("Ketamine infusions", "Patients received infusions twice a week.\nInfusions help.");
      assertTrue(topics.containsKey("iv-infusion"), topics.toString());
    }

    @Test
    void depressiveAndDepressedCountAsDepression() {
      Map<String, Double> topics =
          tag("Living with a depressive illness", "She felt depressed.\nDepressive episodes came.");
      assertTrue(topics.containsKey("depression"), topics.toString());
    }
  }

  @Nested
  class Acronyms {
    @Test
    void matchUpperCase() {
      assertTrue(tag("OCD and ketamine", "OCD patients.\nOCD again.").containsKey("ocd"));
    }

    @Test
    void ignoreLowerCaseInRunningText() {
      Map<String, Double> topics =
          tag("My desk", "I am a bit ocd about my desk.\nTruly ocd, my friends say.");
      assertFalse(topics.containsKey("ocd"), topics.toString());
    }
  }

  @Nested
  class Phrases {
    @Test
    void matchWordForWordAcrossHyphens() {
      Map<String, Double> topics =
          tag("Treatment resistant depression", "When treatment-resistant depression persists.");
      assertTrue(topics.containsKey("treatment-resistant-depression"), topics.toString());
    }

    @Test
    void doNotMatchWhenWordsAreApart() {
      Map<String, Double> topics =
          tag("Nasal care", "A spray for the nasal passages.\nThe nasal lining and a spray.");
      assertFalse(topics.containsKey("nasal-spray"), topics.toString());
    }
  }

  @Nested
  class Exclusions {
    @Test
    void partyDrugDoesNotCountAsAnesthesia() {
      Taxonomy taxonomy =
          Taxonomy.parse(
              """
              {"topics": [{"slug": "anesthesia", "label": "Anesthesia",
                "terms": ["anesthetic"], "exclude": ["party drug"]}]}""");
      TopicTagger tagger = new TopicTagger(taxonomy);
      assertEquals(1, tagger.tag("An anesthetic", "An anesthetic.\nAn anesthetic.").size());
      assertEquals(
          List.of(),
          tagger.tag("", "Known as an anesthetic and party drug.\nAn anesthetic and party drug."));
    }

    @Test
    void negationsDoNotCount() {
      Map<String, Double> topics =
          tag(
              "Ketamine is not approved for OCD",
              "Ketamine is not approved for OCD.\n"
                  + "Doctors say there is no evidence that it helps OCD.\n"
                  + "It is not a treatment for OCD.");
      assertFalse(topics.containsKey("ocd"), topics.toString());
    }

    @Test
    void riskOfAddictionIsNotAboutAddiction() {
      Map<String, Double> topics =
          tag(
              "The risk of addiction",
              "The risk of addiction is low.\nThe risk of addiction is studied.");
      assertFalse(topics.containsKey("addiction"), topics.toString());
    }
  }

  @Nested
  class Parents {
    @Test
    void childImpliesParentWithAtLeastItsScore() {
      Taxonomy taxonomy =
          Taxonomy.parse(
              """
              {"topics": [
                {"slug": "mood", "label": "Mood", "terms": ["mood"], "threshold": 0.9},
                {"slug": "trd", "label": "TRD", "parent": "mood", "acronyms": ["TRD"]}]}""");
      List<ArticleTopic> topics = new TopicTagger(taxonomy).tag("TRD", "TRD care.\nTRD again.");
      assertEquals(List.of("mood", "trd"), topics.stream().map(ArticleTopic::slug).toList());
      assertEquals(topics.get(0).score(), topics.get(1).score());
    }
  }

  @Nested
  class Scores {
    @Test
    void passingMentionInAListIsNotEnough() {
      Map<String, Double> topics =
          tag(
              "Ketamine for depression",
              "Ketamine helps depression.\n"
                  + "It may also help anxiety, PTSD, OCD and bipolar disorder.\n"
                  + "Depression responds within hours to ketamine.");
      assertTrue(topics.containsKey("ketamine"), topics.toString());
      assertTrue(Set.of("ketamine", "depression").containsAll(topics.keySet()), topics.toString());
    }

    @Test
    void areBetweenZeroAndOneBestFirst() {
      List<ArticleTopic> topics =
          SHIPPED.tag("Ketamine and depression", "Ketamine.\nDepression.\nKetamine, ketamine.");
      assertFalse(topics.isEmpty());
      for (int i = 0; i < topics.size(); i++) {
        assertTrue(topics.get(i).score() > 0 && topics.get(i).score() <= 1);
        assertTrue(i == 0 || topics.get(i - 1).score() >= topics.get(i).score());
      }
    }

    @Test
    void offDomainTextGetsNoTopic() {
      String report =
          """
          United came from behind to beat City 3-1 on Saturday in front of a sell-out crowd.
          The visitors took an early lead when their striker headed in from a corner, and the \
          home side looked anxious until half-time.
          After the break the midfielder equalised with a low drive, and a penalty gave United \
          the lead. The goalkeeper was taken off with a shoulder injury and faces surgery.
          The manager said his side had shown great character and that the risk of relegation \
          was now behind them. The trial of the new pitch surface continues next month.""";
      assertEquals(List.of(), SHIPPED.tag("United beat City in derby thriller", report));
    }
  }

  @Test
  void exposesTheTaxonomyTopics() {
    assertEquals(18, SHIPPED.topics().size());
  }

  @Nested
  class OutsideTheField {
    @Test
    void everydaySensesOfMedicalWordsGetNoTopic() {
      assertEquals(
          Map.of(),
          tag(
              "Tropical depression to strengthen",
              "A tropical depression formed overnight.\nThe depression may become a storm."));
      assertEquals(
          Map.of(),
          tag(
              "Start-up secures £40m infusion",
              "The cash infusion will build a factory.\nInvestors showed some anxiety."));
    }

    @Test
    void theSameWordsInAClinicalArticleStillCount() {
      Map<String, Double> topics =
          tag(
              "Infusion clinic opens",
              "Patients with depression receive a ketamine infusion from a nurse.\n"
                  + "Each infusion takes forty minutes.");
      assertTrue(topics.containsKey("iv-infusion"), topics.toString());
    }

    @Test
    void aCourtTrialIsNotClinicalResearch() {
      Map<String, Double> topics =
          tag(
              "Jury sworn in for fraud trial",
              "The trial of a former treasurer accused of fraud began.\n"
                  + "A doctor and a nurse from the hospital will give evidence at the trial.\n"
                  + "The judge said the trial would last a month.");
      assertFalse(topics.containsKey("clinical-research"), topics.toString());
    }
  }
}
