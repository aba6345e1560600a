package dev.tributary.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A taxonomy of N topics: the shipped ones (conf/topics.json) plus generated topics whose terms
 * and 2-3-word phrases are drawn from a large made-up medical vocabulary (several thousand
 * words such as "neurocortalgia" or "hepatovexamab"), with a small share of words and phrases
 * taken from the sample articles so that generated topics also match. Deterministic.
 */
final class SyntheticTaxonomy {
  /** Chance that a generated term is a word of the articles. */
  static final double ARTICLE_TERM = 0.003;

  /** Chance that a word of a generated phrase is a word of the articles. */
  static final double ARTICLE_PHRASE_WORD = 0.1;

  /** Chance that a generated phrase is a word pair or triple copied from the articles. */
  static final double ARTICLE_PHRASE = 0.003;

  private static final String[] PREFIX = {
    "neuro", "cardio", "gastro", "hepato", "derma", "psycho", "pharmaco", "immuno", "onco",
    "nephro", "pulmo", "osteo", "myo", "endo", "hemato", "cerebro", "somno", "chrono", "vaso",
    "cortico", "thalamo", "dopa", "sero", "gaba", "opio", "cannabi", "lipo", "glyco", "proto",
    "meta", "para", "trans", "poly", "mono", "hyper", "hypo", "anti", "retro", "syn", "dys"
  };
  private static final String[] ROOT = {
    "cort", "vex", "lum", "tral", "mir", "zan", "dor", "quil", "sen", "thar", "cal", "brin",
    "lex", "mod", "pax", "rel", "tor", "vin", "zol", "fen", "gast", "nor", "pram", "sil",
    "tam", "ven", "xar", "yl", "cep", "dal"
  };
  private static final String[] SUFFIX = {
    "itis", "osis", "algia", "pathy", "plasty", "genic", "amab", "azepam", "atide", "astatin",
    "april", "sartan", "avir", "olol", "azole", "amine", "ase", "ism", "ergic", "ome", "ia",
    "etic", "oid", "ation", "ology", "ectomy", "emia", "uria", "on", "ex"
  };
  private static final Set<String> STOP =
      Set.of(
          "about", "above", "after", "again", "their", "there", "these", "those", "which",
          "while", "where", "would", "could", "should", "other", "being", "through", "within",
          "without", "between", "because", "before", "under", "might", "often", "every");

  private SyntheticTaxonomy() {}

  /** The shipped taxonomy's JSON with generated topics appended up to {@code topics}. */
  static String json(String shippedJson, List<String> articleTexts, int topics) {
    JsonObject root = new JsonObject(shippedJson);
    JsonArray array = root.getJsonArray("topics");
    if (topics < array.size()) {
      throw new IllegalArgumentException(
          "topic count " + topics + " is below the shipped " + array.size());
    }
    Random random = new Random(42);
    List<String> vocabulary = madeUpWords();
    List<String> articleWords = new ArrayList<>();
    List<String> articlePhrases = new ArrayList<>();
    articleVocabulary(articleTexts, articleWords, articlePhrases);
    for (int i = array.size(), n = 0; i < topics; i++, n++) {
      JsonArray terms = new JsonArray();
      for (int t = 4 + random.nextInt(4); t > 0; t--) {
        terms.add(
            random.nextDouble() < ARTICLE_TERM
                ? pick(articleWords, random)
                : pick(vocabulary, random));
      }
      JsonArray phrases = new JsonArray();
      for (int p = 2 + random.nextInt(3); p > 0; p--) {
        if (random.nextDouble() < ARTICLE_PHRASE) {
          phrases.add(pick(articlePhrases, random));
          continue;
        }
        List<String> words = new ArrayList<>();
        for (int w = 2 + random.nextInt(2); w > 0; w--) {
          words.add(
              random.nextDouble() < ARTICLE_PHRASE_WORD
                  ? pick(articleWords, random)
                  : pick(vocabulary, random));
        }
        phrases.add(String.join(" ", words));
      }
      JsonObject topic =
          new JsonObject()
              .put("slug", String.format(Locale.ROOT, "synthetic-%04d", n))
              .put("label", "Synthetic topic " + n)
              .put("terms", terms)
              .put("phrases", phrases)
              .put("threshold", 0.5);
      if (random.nextInt(4) == 0) {
        topic.put("acronyms", new JsonArray().add(acronym(random)));
      }
      if (random.nextInt(4) == 0) {
        topic.put(
            "exclude",
            new JsonArray().add(pick(vocabulary, random) + " " + pick(articleWords, random)));
      }
      array.add(topic);
    }
    return root.encode();
  }

  /** PREFIX x ROOT x SUFFIX: 36,000 distinct made-up words. */
  static List<String> madeUpWords() {
    List<String> words = new ArrayList<>();
    for (String p : PREFIX) {
      for (String r : ROOT) {
        for (String s : SUFFIX) {
          words.add(p + r + s);
        }
      }
    }
    return words;
  }

  /** Content words (5+ letters) and adjacent word pairs and triples of the articles. */
  private static void articleVocabulary(
      List<String> texts, List<String> words, List<String> phrases) {
    Set<String> distinctWords = new LinkedHashSet<>();
    Set<String> distinctPhrases = new LinkedHashSet<>();
    for (String text : texts) {
      for (String sentence : text.split("[.!?:;\\n]")) {
        String[] w = sentence.toLowerCase(Locale.ROOT).split("[^a-z]+");
        List<String> clean = new ArrayList<>();
        for (String x : w) {
          if (!x.isEmpty()) {
            clean.add(x);
          }
        }
        for (int i = 0; i < clean.size(); i++) {
          String x = clean.get(i);
          if (content(x)) {
            distinctWords.add(x);
          }
          // Pairs and triples that start and end on a content word ("brain networks").
          if (i + 1 < clean.size() && content(x) && content(clean.get(i + 1))) {
            distinctPhrases.add(x + " " + clean.get(i + 1));
          }
          if (i + 2 < clean.size() && content(x) && content(clean.get(i + 2))) {
            distinctPhrases.add(x + " " + clean.get(i + 1) + " " + clean.get(i + 2));
          }
        }
      }
    }
    words.addAll(distinctWords);
    phrases.addAll(distinctPhrases);
  }

  private static boolean content(String word) {
    return word.length() >= 5 && !STOP.contains(word);
  }

  private static String acronym(Random random) {
    char[] c = new char[3 + random.nextInt(2)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('A' + random.nextInt(26));
    }
    return new String(c);
  }

  private static String pick(List<String> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }
}
