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

  /**
   * A paragraph built around side effects (two sentences, two words) tips a full article over the
   * threshold, and the explanation says so; the same paragraph setting them aside ("a
   * well-tolerated side effect profile", an exclusion) is not built around them.
   */
  @Test
  void aParagraphBuiltAroundATopicIsExplainedAndOneThatSetsItAsideIsNot() {
    String opening =
        "The clinic in Harrow Street has offered ketamine to adults since the spring, and its"
            + " waiting list has grown every month. ";
    String body =
        opening.repeat(6)
            + "\n\nHer blood pressure climbed during the first session. On the bus home she felt"
            + " sick.\n\n"
            + opening;
    String setAside =
        opening.repeat(6)
            + "\n\nUnlike older pills it has a well-tolerated side effect profile. Blood pressure"
            + " is checked.\n\n"
            + opening;
    TopicExplanation built = explained(body, "side-effects");
    assertTrue(built.applied(), built.reason());
    assertTrue(
        built.evidence().stream()
            .anyMatch(e -> e.text().equals("(paragraph 2 is built around it)")),
        built.evidence().toString());
    TopicExplanation aside = explained(setAside, "side-effects");
    assertFalse(aside.applied(), aside.reason());
    assertTrue(aside.evidence().stream().noneMatch(e -> e.text().startsWith("(paragraph")));
  }

  /**
   * One word said in two sentences of a paragraph builds the paragraph around its topic only in an
   * article plainly in the field (many distinct words of its context), not in one that names the
   * field once.
   */
  @Test
  void oneWordTwiceBuildsAParagraphOnlyInAnArticlePlainlyInTheField() {
    String inField =
        "Her psychiatrist prescribed the treatment after a diagnosis of depression, and the doctor"
            + " reviewed her symptoms, her prescription and her mental health every week. ";
    String plain =
        "The town council met on Tuesday to discuss the budget for the coming year and the state of"
            + " the roads. ";
    String paragraph = "\n\nHer bladder ached for weeks. A scan of the bladder was booked.\n\n";
    TopicExplanation field = explained(inField.repeat(6) + paragraph + inField, "side-effects");
    TopicExplanation town =
        explained(plain.repeat(6) + "A doctor spoke." + paragraph + plain, "side-effects");
    assertTrue(
        field.evidence().stream().anyMatch(e -> e.text().startsWith("(paragraph")),
        field.evidence().toString());
    assertTrue(town.evidence().stream().noneMatch(e -> e.text().startsWith("(paragraph")));
  }

  /**
   * In a full article a counted mention weighs as the topic named twice; in a short item, where the
   * first sentence decides, a count in a later sentence weighs as any mention there.
   */
  @Test
  void aCountWeighsDoubleInAFullArticleOnly() {
    String opening =
        "The clinic in Harrow Street has offered ketamine to adults with depression since the"
            + " spring. ";
    String count = "Over nine years she had tried five different antidepressants.";
    TopicExplanation full = explained(opening.repeat(12) + "\n\n" + count + "\n\n" + opening, TRD);
    TopicExplanation item = explained(opening + count, TRD);
    assertEquals(List.of(2.0), full.evidence().stream().map(e -> e.weight()).toList());
    assertEquals(List.of(1.0), item.evidence().stream().map(e -> e.weight()).toList());
    assertEquals("five different antidepressants", item.evidence().get(0).text());
  }

  private static final String TRD = "treatment-resistant-depression";

  private static TopicExplanation explained(String body, String slug) {
    return explained("A clinic's year", body, slug);
  }

  private static TopicExplanation explained(String title, String body, String slug) {
    return SHIPPED.explain(title, body).stream()
        .filter(e -> e.slug().equals(slug))
        .findFirst()
        .orElseThrow();
  }

  /** That the item does not get the topic (whatever else it gets). */
  private static void assertNotTagged(String slug, String title, String text) {
    Map<String, Double> topics = tag(title, text);
    assertFalse(topics.containsKey(slug), topics.toString());
  }

  /**
   * A body of at least 150 words (a long article, where a sense vetoes only its own sentence): the
   * opening, then the filler sentence again and again.
   */
  private static String longBody(String opening, String filler) {
    StringBuilder body = new StringBuilder(opening);
    while (body.toString().split("\\s+").length < 160) body.append(filler);
    return body.toString();
  }

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
  class RoutesAndRecovery {
    @Test
    void esketamineIsTheDrugNotItsRoute() {
      Map<String, Double> drug =
          tag(
              "Esketamine for depression in older adults",
              "Patients at the clinic received esketamine twice weekly for a month.");
      assertTrue(drug.containsKey("ketamine"), drug.toString());
      assertFalse(drug.containsKey("nasal-spray"), drug.toString());
      assertTrue(
          tag(
                  "Esketamine nasal spray: what to expect at the clinic",
                  "The spray device is used in each nostril under a nurse's eye.")
              .containsKey("nasal-spray"));
    }

    @Test
    void treatmentResistanceAsPeopleSayItIsTrd() {
      for (String[] item :
          new String[][] {
            {
              "Stimulation suite added for depression",
              "A second suite opens for adults whose depression has not lifted after several"
                  + " antidepressants."
            },
            {
              "Re: starting ketamine next week",
              "I've been through three pills and a year of therapy, and nothing shifted the"
                  + " depression."
            },
            {
              "Infusion clinics on the coast",
              "Nearly everyone has depression for which the usual treatments have not worked."
            }
          }) {
        Map<String, Double> topics = tag(item[0], item[1]);
        assertTrue(topics.containsKey("treatment-resistant-depression"), item[1] + topics);
      }
    }

    @Test
    void recoveryAsPeopleSayItIsAddiction() {
      Map<String, Double> group =
          tag(
              "Ketamine recovery group: Thursdays at the hall",
              "A peer-led group for anyone trying to cut down or stop using ketamine meets every"
                  + " Thursday. Come as you are.");
      assertTrue(group.containsKey("addiction"), group.toString());
      // A dose escalated in a trial, or an antidepressant tapered, is no addiction.
      assertNotTagged(
          "addiction",
          "Escalating doses of ketamine in a phase 1 trial",
          "Healthy volunteers received escalating doses to find the safest for patients.");
    }
  }

  @Nested
  class References {
    private static final String FILLER =
        "She lives with her husband and two dogs near the coast, and works part time at a"
            + " garden centre where she looks after the seedlings in the spring and autumn.\n";

    /** A full article naming ketamine once, in its body, then the given paragraph. */
    private String story(String later) {
      return FILLER.repeat(4)
          + "Her psychiatrist offered her a course of ketamine at the clinic last spring.\n"
          + FILLER.repeat(3)
          + later;
    }

    private List<String> ketamineEvidence(String text) {
      return explained("A long road back", text, "ketamine").evidence().stream()
          .map(e -> e.text() + " " + e.weight())
          .toList();
    }

    @Test
    void theDrugOnceNamedIsHalfAMentionAndTwoOfThemCount() {
      String later =
          "The drug made the room tilt for an hour. The nurse watched her closely.\n"
              + "Within weeks the medicine had lifted the fog. Later the treatment became"
              + " monthly, and the drug is now part of her routine.\n";
      assertEquals(
          List.of("ketamine 1.0", "The drug 0.5", "the medicine 0.5"),
          ketamineEvidence(story(later)));
      assertTrue(tag("A long road back", story(later)).containsKey("ketamine"));
      assertNotTagged("ketamine", "A long road back", story(FILLER));
    }

    @Test
    void aReferenceBeforeTheNameOrInTheSameSentenceIsNone() {
      String text =
          FILLER
              + "The drug arrived at the clinic on Monday.\n"
              + FILLER.repeat(3)
              + "Her psychiatrist offered her a course of ketamine, and the drug worked.\n";
      assertEquals(List.of("ketamine 1.0"), ketamineEvidence(text));
    }

    @Test
    void aShortItemHasNoReferences() {
      assertEquals(
          List.of("ketamine 2.0"),
          ketamineEvidence(
              "Her psychiatrist offered her a course of ketamine. The drug helped within a week."));
    }
  }

  @Nested
  class Counted {
    /** The counted evidence of TRD in the text, as written. */
    private List<String> trdEvidence(String title, String text) {
      return SHIPPED.explain(title, text).stream()
          .filter(e -> e.slug().equals("treatment-resistant-depression"))
          .flatMap(e -> e.evidence().stream())
          .map(TopicExplanation.Evidence::text)
          .toList();
    }

    @Test
    void antidepressantsCountedInTwosOrMoreAreTreatmentResistance() {
      assertEquals(
          List.of("twenty antidepressants"),
          trdEvidence("", "Between them they have tried more than twenty antidepressants."));
      assertEquals(
          List.of("two courses of antidepressants"),
          trdEvidence(
              "", "Her depression persisted despite at least two courses of antidepressants."));
      assertEquals(
          List.of("4 antidepressants"),
          trdEvidence("", "He had been on 4 antidepressants by then."));
    }

    @Test
    void oneAntidepressantOrAnotherCountIsNot() {
      assertEquals(List.of(), trdEvidence("", "She started an antidepressant last spring."));
      assertEquals(
          List.of(),
          trdEvidence(
              "", "Thoughts that would not wait the six weeks a standard antidepressant needs."));
      assertEquals(List.of(), trdEvidence("", "Of 312 antidepressant users, few stopped."));
      assertEquals(
          List.of(), trdEvidence("", "It worked within two days, unlike antidepressants."));
    }
  }

  @Nested
  class Senses {
    @Test
    void strikeoutsCountedWithAnApostropheAreNoKetamineEither() {
      assertNotTagged(
          "ketamine",
          "Foxes ride Ashby's 14 K's to clinch the pennant",
          "The scoreboard crew ran out of cards by the seventh. The crowd of patients' families"
              + " from the hospital cheered.");
    }

    @Test
    void beyondATopicIsNotAboutIt() {
      assertNotTagged(
          "depression",
          "Beyond depression: ketamine-assisted therapy for trauma and obsessions",
          "Clinics are treating PTSD and OCD with ketamine and therapy. Patients with PTSD"
              + " describe fewer nightmares.");
    }

    @Test
    void plasticIsNoPlasticity() {
      assertNotTagged(
          "neuroplasticity",
          "Hospital cuts plastic waste",
          "The hospital's brain injury unit replaced plastic trays and plastic cups this year.");
    }

    @Test
    void aOneLetterAcronymAfterANumberIsAUnitOrACount() {
      List<TopicExplanation> explained =
          SHIPPED.explain(
              "Delgrano's 14-K gem keeps the title hopes alive", "He pitched eight innings.");
      TopicExplanation ketamine =
          explained.stream().filter(e -> e.slug().equals("ketamine")).findFirst().orElseThrow();
      assertFalse(ketamine.applied());
      assertEquals("exclude", ketamine.vetoed().get(0).kind());
      assertEquals("14", ketamine.vetoed().get(0).by());
    }

    @Test
    void aOneLetterAcronymAfterAnOrdinalIsACountToo() {
      TopicExplanation ketamine =
          explained("Okafor's 200th K caps a fine season", "He pitched seven innings.", "ketamine");
      assertFalse(ketamine.applied());
      assertEquals("200th", ketamine.vetoed().get(0).by());
      assertTrue(TopicMatcher.isNumberOrOrdinal("1st"));
      assertFalse(TopicMatcher.isNumberOrOrdinal("5th-floor"));
      assertFalse(TopicMatcher.isNumberOrOrdinal("month"));
    }

    @Test
    void aFullArticleNeedsTwoWordsOfTheFieldAShortItemOne() {
      String paragraph =
          "Users of the browser reported problems within hours of the release, from blurry fonts"
              + " to extensions that refused to start, and the makers promised a fix this week."
              + " Reviewers praised the rebuilt engine all the same, and the team said the next"
              + " version would come with a longer test period for add-on developers.\n";
      String body =
          "Users say the side effects of version 9 were caused by older add-ons.\n"
              + paragraph.repeat(3)
              + "The interface has been trimmed with clinical precision.";
      String title = "Browser update brings side effects";
      assertNotTagged("side-effects", title, body);
      TopicExplanation explained = explained(title, body, "side-effects");
      assertTrue(explained.reason().contains("at least 2"), explained.reason());
      assertTrue(
          tag(title, body.replace("older add-ons", "older add-ons, a patient told her doctor"))
              .containsKey("side-effects"));
      assertTrue(
          tag(title, "Users say the side effects were bad, said a clinical tester.")
              .containsKey("side-effects"));
    }

    @Test
    void aPhraseOfAnotherFieldInTheTitleNamesTheWholeText() {
      String body =
          "After millions of updates a network gets worse at picking up anything new."
              + " Researchers call this loss of plasticity.\n"
              + "A reset of dormant units keeps plasticity, the lab says.\n"
              + "Plasticity has to be maintained, not assumed.";
      assertNotTagged("neuroplasticity", "Why neural networks stop learning", body);
      assertTrue(tag("Why brains keep learning", body).containsKey("neuroplasticity"));
    }

    @Test
    void aMentionNextToAWordOfTheFieldIsReadInTheFieldWhateverMoneyTheItemSpeaksOf() {
      assertTrue(
          tag(
                  "Clinic chain raises $18m to open 12 more ketamine infusion centres",
                  "The company, which runs ketamine infusion clinics in six cities, said the round"
                      + " will fund twelve new centres.")
              .containsKey("iv-infusion"));
      assertNotTagged(
          "iv-infusion",
          "Clinic chain secures a $12m infusion from investors",
          "The funding round will pay for six new clinics, the company said.");
    }

    @Test
    void breakfastIsNoOtherFieldForK() {
      assertTrue(
          tag(
                  "Third infusion done",
                  "Had my third K infusion yesterday. After eight years of depression and four"
                      + " meds that did nothing, I woke up and actually wanted breakfast.")
              .containsKey("ketamine"));
      assertNotTagged(
          "ketamine",
          "Special K cereal gets a new recipe",
          "The breakfast cereal adds more fibre.");
    }

    @Test
    void anyPhraseOfAnotherFieldInTheTitleNamesItNotOnlyItsFirstSense() {
      // "Slump" (one word) comes first; "central bankers" (a phrase) names the field
      String body =
          longBody(
              "It was a genuine depression: output fell for four years and banks closed.\n"
                  + "The depression left a mark on a generation of patients of the old hospital.",
              " Historians still argue about what ended it and what it cost.");
      assertNotTagged(
          "depression", "What the Long Slump teaches central bankers about cash infusions", body);
    }

    @Test
    void theTitlesMentionIsReadLikeTheBodysWhenTheBodyReadsItInAnotherField() {
      String body =
          longBody(
              "The company said the cash infusion of four million from its investors would keep"
                  + " it going.\nEngineers will repair the damaged blades this winter.",
              " The turbines sit in the estuary and feed the town's grid and its hospital.");
      assertNotTagged(
          "iv-infusion",
          "Tidal energy start-up secures rescue infusion after turbine setback",
          body);
    }

    @Test
    void theAuthorityIsNoAuthorsOfAStudy() {
      String body =
          longBody(
              "The authority's inspectors found prescriptions issued after five-minute calls.\n"
                  + "The authority said it would act, and the authority's report is due in May.",
              " Patients were told to speak to their doctor before stopping treatment.");
      assertNotTagged("clinical-research", "Regulators move against mail-order ketamine", body);
    }

    @Test
    void anaesthetisingADebateOrACrowdIsAFigureOfSpeech() {
      assertNotTagged(
          "anesthesia",
          "Column: a report written to anaesthetise the housing debate",
          "The commission's 300 pages read like an anaesthetic for public anger; ministers will"
              + " find nothing in them to disturb a quiet summer.");
      assertNotTagged(
          "anesthesia",
          "Clinical Rovers put anaesthetised hosts to sleep",
          "A flat home side and a near-silent crowd offered little resistance after the opener.");
    }

    @Test
    void aSingleWordOfAnotherFieldInTheTitleIsNotEnough() {
      // long enough (150 body words and more) that a sense vetoes only its own sentence
      String filler =
          " The agency said it had received reports from several states over the past year.";
      String body =
          "Patients took the products at home without monitoring. Reports describe adverse"
              + " events, blood pressure rises, slowed breathing and dissociation.\n"
              + "The side effects were serious in some cases, the agency said."
              + filler.repeat(10);
      assertTrue(
          tag("Regulators warn about at-home ketamine sold through telehealth apps", body)
              .containsKey("side-effects"));
    }
  }

  @Nested
  class Names {
    @Test
    void aTopicInAnInstitutionsNameIsAPassingMention() {
      String title = "Pilot study: ketamine for obsessive-compulsive disorder symptoms";
      Map<String, Double> named =
          tag(
              title,
              "A placebo-controlled pilot at the Grenmoor Anxiety and OCD Clinic gave 24 adults a"
                  + " single ketamine dose. Obsessional thoughts eased within hours.");
      assertTrue(named.containsKey("ocd"), named.toString());
      assertFalse(named.containsKey("anxiety"), named.toString());
      // the same words outside a name are the item's
      assertTrue(
          tag(
                  title,
                  "A placebo-controlled pilot gave 24 adults with anxiety and OCD a single ketamine"
                      + " dose. Obsessional thoughts eased within hours.")
              .containsKey("anxiety"));
    }

    @Test
    void aTopicInAJournalsNameIsAPassingMention() {
      assertNotTagged(
          "ocd",
          "Ketamine plus counseling cut heavy drinking days in trial",
          "Volunteers with alcohol use disorder had fewer heavy drinking days than a group given"
              + " counseling alone, the team reported in the Annals of Compulsive Behavior.");
    }
  }

  @Nested
  class Underscores {
    @Test
    void wordsJoinedByAnUnderscoreAreReadApart() {
      Map<String, Double> topics =
          tag(
              "r/ketamine_therapy: six sessions in",
              "Posting for anyone on the fence about treatment at a clinic.");
      assertTrue(topics.containsKey("ketamine"), topics.toString());
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
      assertNotTagged(
          "addiction",
          "The risk of addiction",
          "The risk of addiction is low.\nThe risk of addiction is studied.");
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
      TopicTagger tagger = new TopicTagger(taxonomy);
      // mood is spoken of (one mention, below its own threshold): the child carries it
      List<ArticleTopic> topics = tagger.tag("TRD", "TRD care.\nTRD again, for a mood disorder.");
      assertEquals(List.of("mood", "trd"), topics.stream().map(ArticleTopic::slug).toList());
      assertEquals(topics.get(0).score(), topics.get(1).score());
      // never spoken of: the acronym alone is no kind of it
      assertEquals(List.of(), tagger.tag("TRD", "TRD care.\nTRD again."));
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

  @Nested
  class Length {
    private static final String FILLER =
        "The clinic opened in a converted office above a bakery on the high street. "
            + "Staff say the waiting room is quiet on most weekday mornings and busier later. ";

    @Test
    void aShortItemWhoseFirstSentenceNamesTheTopicIsTagged() {
      // The acceptance probe of issue 12: no topic at all before lengths counted.
      Map<String, Double> topics =
          tag(
              "Acceptance probe",
              "This short article about ketamine and treatment-resistant depression was posted"
                  + " through the API.");
      assertEquals(
          Set.of("ketamine", "depression", "treatment-resistant-depression"),
          topics.keySet(),
          topics.toString());
    }

    @Test
    void thePassingMentionOfAShortItemsLastSentenceIsNot() {
      Map<String, Double> topics =
          tag(
              "Hospitals ration propofol as supplies run short",
              "Operating theatres are delaying surgery after a recall cut supplies of propofol."
                  + " Anaesthetists are switching to etomidate, ketamine or inhaled agents.");
      assertTrue(topics.containsKey("anesthesia"), topics.toString());
      assertFalse(topics.containsKey("ketamine"), topics.toString());
    }

    @Test
    void aLongArticleStillNeedsMoreThanOneLeadMention() {
      String opening = "Patients with depression are offered a new ketamine programme.\n";
      StringBuilder article = new StringBuilder(opening);
      for (int i = 0; i < 6; i++) article.append(FILLER).append('\n');
      assertTrue(tag("Clinic news", opening).containsKey("depression"));
      Map<String, Double> topics = tag("Clinic news", article.toString());
      assertFalse(topics.containsKey("depression"), topics.toString());
    }

    @Test
    void oneFirstSentenceMentionTagsAShortItemOfAnyLength() {
      // the share of the saturation that follows the length is the smallest that lets one lead
      // mention (2) clear the default threshold in the longest short item
      double longest = TopicScorer.saturation(TopicScorer.LONGEST_ITEM);
      assertTrue(TopicScorer.scoreOf(2.0, longest) >= 0.5, "score " + longest);
      double lessShare = 4 * (1 - 0.55 + 0.55 * TopicScorer.LONGEST_ITEM / TopicScorer.FULL_LENGTH);
      assertTrue(TopicScorer.scoreOf(2.0, lessShare) < 0.5, "0.55 would not do");
    }

    @Test
    void theSaturationGrowsWithTheBodyUpToAFullArticle() {
      assertEquals(2.03, TopicScorer.saturation(0), 1e-9);
      assertEquals(2.8, TopicScorer.saturation(75), 1e-9);
      assertEquals(4.0, TopicScorer.saturation(150), 1e-9);
      assertEquals(4.0, TopicScorer.saturation(900), 1e-9);
    }
  }

  @Nested
  class Lists {
    @Test
    void twoSubjectsJoinedByAndAreNoList() {
      List<TopicExplanation> explained =
          SHIPPED.explain("", "Ketamine and depression, a first look at the evidence.");
      for (TopicExplanation e : explained) {
        assertEquals(2.0, e.evidence().get(0).weight(), 1e-9, e.toString());
      }
    }

    @Test
    void aMentionInsideAnotherIsPartOfItsItem() {
      // "depression" sits inside "treatment-resistant depression": the same item of the list.
      List<TopicExplanation> explained =
          SHIPPED.explain("", "It may help anxiety, treatment-resistant depression and OCD.");
      for (TopicExplanation e : explained) {
        assertEquals(1.2, e.evidence().get(0).weight(), 1e-9, e.toString());
      }
      assertEquals(4, explained.size(), explained.toString());
    }

    @Test
    void alternativesAndLongerEnumerationsAre() {
      List<TopicExplanation> or =
          SHIPPED.explain("", "Patients with depression or anxiety were seen in the clinic.");
      assertEquals(1.2, or.get(0).evidence().get(0).weight(), 1e-9, or.toString());
      List<TopicExplanation> three =
          SHIPPED.explain("", "It may help depression, PTSD and OCD in clinic patients.");
      assertEquals(3, three.size(), three.toString());
      for (TopicExplanation e : three) {
        assertEquals(1.2, e.evidence().get(0).weight(), 1e-9, e.toString());
      }
    }

    private double weightOf(String slug, String text) {
      return SHIPPED.explain("", text).stream()
          .filter(e -> e.slug().equals(slug))
          .findFirst()
          .orElseThrow(() -> new AssertionError(slug + " not found in: " + text))
          .evidence()
          .get(0)
          .weight();
    }

    @Test
    void aTopicNamedInAListOfOtherThingsIsAPassingMention() {
      // A lead mention weighs 2, an item of a list 2 x 0.6.
      assertEquals(
          1.2,
          weightOf(
              "ketamine",
              "Patients arrive after years of trying tablets, injections and even ketamine"
                  + " infusions."),
          1e-9);
      assertEquals(
          1.2,
          weightOf(
              "ketamine",
              "Other samples at the clinic included cocaine, ketamine and 2C-B, mostly as sold."),
          1e-9);
    }

    @Test
    void whatOnlyLooksLikeAListIsNone() {
      // An opening clause and a pair of names: "tracked dendritic spines" is the point.
      assertEquals(
          2.0,
          weightOf(
              "neuroplasticity",
              "Using two-photon imaging, Varga and Lindqvist tracked dendritic spines in mice."),
          1e-9);
      // An apposition: no "and" or "or" before its last part.
      assertEquals(
          2.0, weightOf("ketamine", "Ketamine, an anaesthetic, is given at the clinic."), 1e-9);
      // Most items are the topic itself: the list is what the article is about.
      assertEquals(
          2.0,
          weightOf("ketamine", "Ketamine, esketamine and arketamine compared in patients."),
          1e-9);
    }

    @Test
    void harmsAreSpokenOfAsListsOfTheirOwn() {
      // side-effects is "listsOfItsOwn": a list of symptoms is how harms are named.
      assertEquals(
          2.0,
          weightOf(
              "side-effects",
              "Spravato can cause sleepiness, dizziness and a detached, dreamlike feeling."),
          1e-9);
    }
  }

  @Nested
  class Vocabulary {
    @Test
    void resistanceAsPeopleSayIt() {
      Map<String, Double> topics =
          tag(
              "Nothing else worked. 8 infusions in and I'm hopeful",
              "Six different antidepressants, two rounds of TMS. My psychiatrist referred me.");
      assertTrue(topics.containsKey("treatment-resistant-depression"), topics.toString());
    }

    @Test
    void exactWordsAreNotTheirStemsRelatives() {
      // "tolerance" is dependence; "well tolerated" (the same stem) is not.
      Map<String, Double> tolerance =
          tag("Ketamine tolerance", "Users describe tolerance and cravings after months of use.");
      assertTrue(tolerance.containsKey("addiction"), tolerance.toString());
      Map<String, Double> tolerated =
          tag("Ketamine well tolerated", "The drug was well tolerated by patients in the clinic.");
      assertFalse(tolerated.containsKey("addiction"), tolerated.toString());
      Map<String, Double> alcohol =
          tag("Ketamine and alcohol", "Doctors advise patients to avoid alcohol after a dose.");
      assertFalse(alcohol.containsKey("addiction"), alcohol.toString());
    }

    @Test
    void aSmallCountInDigitsIsItsWord() {
      Map<String, Double> topics =
          tag(
              "Six weeks on Spravato",
              "Failed 4 antidepressants before this, so my hopes were low.");
      assertTrue(topics.containsKey("treatment-resistant-depression"), topics.toString());
    }

    @Test
    void aStudiedDrugIsNoStudyReport() {
      // "study" and "studies" are exact: "the best-studied treatment" reports no study.
      assertNotTagged(
          "clinical-research",
          "Lithium still the first choice for bipolar disorder",
          "Lithium remains the best-studied long-term treatment for bipolar disorder.");
      assertTrue(
          tag("Ketamine study", "A new study of ketamine in patients with depression.")
              .containsKey("clinical-research"));
    }

    @Test
    void aRegulatorsDecisionIsNoStudy() {
      assertNotTagged(
          "clinical-research",
          "FDA advisers back Spravato for depression",
          "An FDA panel voted that the esketamine nasal spray can be used on its own.");
    }

    @Test
    void respiratoryDepressionIsASideEffectNotDepression() {
      Map<String, Double> topics =
          tag(
              "Opioids and benzodiazepines: a stronger warning",
              "Combining an opioid with a benzodiazepine can cause respiratory depression.");
      assertTrue(topics.containsKey("side-effects"), topics.toString());
      assertFalse(topics.containsKey("depression"), topics.toString());
    }

    @Test
    void dependenceAndMisuseAreAddiction() {
      Map<String, Double> topics =
          tag(
              "Is ketamine therapy habit-forming?",
              "Clinics should screen for substance misuse and avoid take-home supplies.");
      assertTrue(topics.containsKey("addiction"), topics.toString());
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
      assertEquals(
          Map.of(),
          tag(
              "Sunday sourdough for when the cravings hit",
              "This week's loaf gets a dose of rosemary and sea salt, and my starter has become"
                  + " resistant to my neglect."));
      assertEquals(
          Map.of(),
          tag(
              "What the Long Depression can teach central bankers",
              "Falling prices and nervous lenders marked the Long Depression; doctors and"
                  + " patients lost their savings too."));
    }

    @Test
    void moneyAcutePainAndFigurativePainAreOtherSenses() {
      // "injected" opens the context gate (injection); the money words are what keep it untagged.
      assertEquals(
          Map.of(),
          tag(
              "Central bank's liquidity infusion calms markets",
              "The central bank injected 40 billion into the banking system, its largest liquidity"
                  + " infusion in years; economists warn of side effects."));
      assertEquals(
          Map.of(),
          tag(
              "Chronic pain for commuters as the line misses its target",
              "Only 61% of trains arrived on time; passengers call the delays a chronic pain."));
      // Ketamine carried for trauma on the road or the battlefield is no chronic pain, and the
      // trauma of a fracture is no PTSD.
      Map<String, Double> roadside =
          tag(
              "Ambulance crews to carry ketamine for roadside pain relief",
              "Paramedics will carry ketamine for severe trauma pain, such as trapped drivers and"
                  + " open fractures.");
      assertTrue(roadside.containsKey("ketamine"), roadside.toString());
      assertFalse(roadside.containsKey("chronic-pain"), roadside.toString());
      assertFalse(roadside.containsKey("ptsd"), roadside.toString());
    }

    @Test
    void aSeizedJerseyAPoliceDogAndATolerantBalanceSheetAreOtherFields() {
      assertNotTagged(
          "recreational-use",
          "Vallmont climbs through the pain to seize the leader's jersey",
          "A solo attack on the hardest climb of the race took the jersey.");
      assertNotTagged(
          "ketamine",
          "Police K-9 unit gets new kennels",
          "The K-9 unit's dogs had their health checks at the vet this week.");
      assertEquals(
          Map.of(),
          tag(
              "Building society receives £40m capital infusion",
              "The injection from its parent would strengthen its balance sheet and give it more"
                  + " tolerance to absorb further falls in valuations."));
      // Drugs seized by the police are still the street's.
      assertTrue(
          tag(
                  "Police seized ketamine worth £2m at the port",
                  "Officers seized the drug, bound for clubs across the region.")
              .containsKey("recreational-use"));
    }

    @Test
    void suicidePreventionIsOfTheFieldAndSuicideDoorsAreNot() {
      assertTrue(
          tag(
                  "Bridge barriers have saved lives, campaigners say",
                  "One suicide at the bridge in five years since the barriers, against nine"
                      + " before; the group now presses for suicide prevention at rail crossings.")
              .containsKey("suicidal-ideation"));
      assertEquals(
          Map.of(),
          tag(
              "Suicide doors and tail fins at the classic car show",
              "A 1963 saloon with rear-hinged suicide doors drew a crowd; the health of old"
                  + " engines was the talk of the green."));
    }

    @Test
    void anotherFieldsWordsVetoTheTopicInTheirSentence() {
      // Each has a word of the field (health, clinic, doctor, patients), so the context gate lets
      // it through: the senses are what keep it untagged.
      assertEquals(
          Map.of(),
          tag(
              "Phone update brings unwanted side effects",
              "The software update has side effects: battery drain and a health app that"
                  + " resets."));
      assertEquals(
          Map.of(),
          tag(
              "Clinic software firm gets a cash infusion",
              "A maker of clinic booking software received a $12m infusion from investors."));
      assertEquals(
          Map.of(),
          tag(
              "Forecasters watch the depression",
              "Forecasters say the depression could become a storm; hospitals are ready."));
      assertEquals(
          Map.of(),
          tag(
              "Pruning neural networks the way the brain prunes synapses",
              "A paper borrows synaptic pruning to remove weights from a neural network."));
      assertEquals(
          Map.of(),
          tag(
              "Special K cereal gets a lower-sugar recipe",
              "The breakfast brand cuts sugar in its Special K cereal after health campaigns."));
    }

    @Test
    void aShortItemIsReadInOneFieldAndSoIsATextMostlyOfTheOtherField() {
      // A short item: the sense of its title reaches the body's sentence.
      assertEquals(
          Map.of(),
          tag(
              "Hospital group readies capital infusion",
              "The health ministry will put 2 billion into the hospital group. Without the"
                  + " infusion, wards may close."));
      // A full article whose senses veto most mentions of depression: none counts.
      String filler =
          "Prices fell again this quarter and shops closed early in the region. ".repeat(6);
      String economy =
          "Economists say the economy is sliding into a depression.\n"
              + filler
              + "\nA depression, as economists use the word, is worse than a recession.\n"
              + filler
              + "\nGDP figures point to a depression by spring.\n"
              + filler
              + "\nHospital doctors and patients fear the depression will last.\n"
              + filler;
      assertEquals(Map.of(), tag("Fears of a depression", economy));
      // One sense in a full article about depression vetoes only its sentence.
      String illness =
          "Patients with depression waited months for a doctor.\n"
              + filler
              + "\nDepression is common, and the clinic treats depression with therapy.\n"
              + filler
              + "\nThe economy matters too, one patient said of her depression.\n"
              + filler;
      assertTrue(tag("A long winter", illness).containsKey("depression"));
    }

    @Test
    void aTitleThatReadsTheTopicInAnotherFieldDecidesTheWholeArticle() {
      String filler =
          "The team trained the model for weeks on a cluster of graphics cards. ".repeat(6);
      String article =
          "Researchers at a university lab call this the loss of plasticity.\n"
              + filler
              + "\nPlasticity fades as units in the network go quiet; doctors of the brain know"
              + " the word from elsewhere.\n"
              + filler
              + "\nResetting a few weights restores plasticity, the paper says.\n"
              + filler;
      assertFalse(
          tag("Why your neural network stops learning: the loss of plasticity", article)
              .containsKey("neuroplasticity"));
      // in a full article, a sense in the title that reads no mention of the topic there leaves
      // the body alone
      String calm = "The companies answered that their doctors follow every rule there is. ";
      String safety =
          "Regulators say patients had adverse events: high blood pressure, vomiting and"
              + " dissociation.\n"
              + calm.repeat(6)
              + "\nDoctors warn that the side effects of ketamine need monitoring in a clinic.\n"
              + calm.repeat(6)
              + "\nAdverse events were reported to the regulator by doctors and patients.\n";
      assertTrue(
          tag("Regulators warn about ketamine sold through telehealth apps", safety)
              .containsKey("side-effects"));
    }

    @Test
    void toleranceOfSystemsAndTherapyWithMdmaAreNotDrugUse() {
      assertFalse(
          tag(
                  "Release 5.0: fault tolerance and a new network layer",
                  "Fault tolerance had an overhaul for the health service's servers.")
              .containsKey("addiction"));
      assertFalse(
          tag(
                  "MDMA-assisted therapy trial for PTSD reports lasting gains",
                  "A year after three guided MDMA sessions, most patients no longer met the"
                      + " criteria for post-traumatic stress disorder.")
              .containsKey("recreational-use"));
    }

    @Test
    void resistanceAndSpraysOutsideThePsychiatricSenseGetNoTopic() {
      assertEquals(
          Map.of(),
          tag(
              "Treatment-resistant bacteria worry hospital doctors",
              "Infections that shrug off antibiotics are rising, and patients stay longer."));
      assertEquals(
          Map.of(),
          tag(
              "Hay fever: which nasal spray works best?",
              "Pharmacists compare steroid nasal sprays for pollen season; patients should read"
                  + " the label."));
      assertEquals(
          Map.of(),
          tag(
              "Vitamin K injections for newborns",
              "Midwives explain why babies get a vitamin K injection to prevent bleeding."));
    }

    @Test
    void aSubTopicNeedsItsParentSpokenOf() {
      String title = "Beekeepers face treatment-resistant mites";
      String text =
          "Patients in the clinic queue heard beekeepers say the mites no longer respond to"
              + " treatment and have not responded to two treatments in a row.";
      assertEquals(Map.of(), tag(title, text));
      TopicExplanation trd = explained(title, text, TRD);
      assertTrue(trd.reason().contains("a kind of depression"), trd.reason());
      assertTrue(
          tag(
                  "Treatment-resistant patients",
                  "After two antidepressants failed, her depression"
                      + " lifted with ketamine at the clinic.")
              .containsKey("treatment-resistant-depression"));
    }

    @Test
    void brainLikeChipsAreNoNeuroplasticity() {
      assertEquals(
          Map.of(),
          tag(
              "Chipmaker unveils a brain-like processor",
              "Its neuromorphic chip strengthens synaptic connections with use, like synaptic"
                  + " plasticity in the brain, the company told patients and doctors."));
    }

    @Test
    void theExplanationShowsWhatVetoedAMention() {
      TopicExplanation depression =
          SHIPPED
              .explain(
                  "Forecasters watch the depression",
                  "Forecasters say the depression could become a storm; patients are warned.")
              .stream()
              .filter(e -> e.slug().equals("depression"))
              .findFirst()
              .orElseThrow();
      assertFalse(depression.applied());
      assertEquals("sense", depression.vetoed().get(0).kind());
      assertEquals("Forecasters", depression.vetoed().get(0).by());
      assertTrue(depression.reason().startsWith("not applied"), depression.reason());
    }

    @Test
    void anArticleOutsideTheFieldIsExplainedAsSuch() {
      TopicExplanation depression =
          SHIPPED.explain("The depression", "The depression deepened in the valley.").get(0);
      assertFalse(depression.applied());
      assertEquals(0, depression.rules(), 1e-9);
      assertTrue(depression.evidenceSum() > 0);
      assertTrue(depression.reason().contains("too few words of the field"), depression.reason());
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
    void streetNamesAndDependenceInAForumsOwnWords() {
      Map<String, Double> topics =
          tag(
              "Can't stop using K",
              "I started on ket at weekends; now it is every day and I need more to get the same"
                  + " effect.");
      assertTrue(topics.containsKey("ketamine"), topics.toString());
      assertTrue(topics.containsKey("addiction"), topics.toString());
    }

    @Test
    void aSportsClubAndStrikeoutsAreNoDrugScene() {
      // "clubbing" is exact: its stem is the sports club's; "K" next to strikeouts is a score.
      Map<String, Double> topics =
          tag(
              "Strikeout king",
              "The club's reliever leads the league with 211 K's and struck out 14 on Sunday.\n"
                  + "His pain tolerance is high, the club's doctor says.\n"
                  + "He runs a recreational league for kids and the club sponsors it.");
      assertEquals(Map.of(), topics);
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
