package dev.tributary.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The articles the benchmarks tag: the five samples/articles trimmed or padded to about 3 KB,
 * plus generated variants of them (paragraphs reordered, other samples' paragraphs mixed in,
 * words swapped, sentences with names, places and numbers inserted) so the JIT never sees one
 * string over and over. Deterministic.
 */
final class Corpus {
  /** Title plus body, in UTF-8 bytes: the issue's "3 KB article". */
  static final int TARGET_BYTES = 3_000;

  /** How far a variant's size may stray from the target, so sizes are not all equal. */
  static final int SPREAD = 150;

  record Article(String title, String body) {
    int bytes() {
      return (title + "\n\n" + body).getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private record Sample(String title, List<String> paragraphs) {}

  private static final String[] CITIES = {
    "Portland", "Leeds", "Toronto", "Melbourne", "Austin", "Glasgow", "Denver", "Utrecht",
    "Auckland", "Cork", "Halifax", "Boulder", "Bristol", "Adelaide", "Minneapolis", "Dundee"
  };
  private static final String[] NAMES = {
    "Maria Okafor", "James Lindqvist", "Aisha Patel", "Tom Moreno", "Priya Chen",
    "Daniel Brennan", "Sofia Haddad", "Kwame Novak", "Lena Fitzgerald", "Omar Tanaka",
    "Grace Abara", "Luis Kowalski", "Hannah Reyes", "Ravi Olsen", "Chloe Mensah", "Ben Kaur"
  };
  private static final String[] ROLES = {
    "psychiatrist", "clinical psychologist", "anesthesiologist", "nurse practitioner",
    "pharmacologist", "researcher", "pain specialist", "addiction physician"
  };
  private static final String[] SENTENCES = {
    "Dr. %2$s, a %3$s in %1$s, said %4$d of her patients had tried at least two medications"
        + " before their first session.",
    "At a clinic in %1$s, %4$d people were followed for six months after their last"
        + " infusion, and most kept the gains they had made.",
    "\"We are careful about who we treat,\" said %2$s, a %3$s who has worked in %1$s for"
        + " %5$d years.",
    "Waiting lists in %1$s have grown to %5$d weeks, according to the regional health"
        + " service.",
    "The study enrolled %4$d adults with a history of depression and anxiety, and a third"
        + " reported side effects such as dizziness or nausea.",
    "%2$s, a %3$s, warned that long-term effects are still being studied and that the drug"
        + " is not a first-line treatment.",
    "In %1$s, a pilot programme offers a nasal spray under supervision for patients with"
        + " suicidal thoughts.",
    "Researchers measured changes in brain networks and synaptic connections %5$d days"
        + " after a single dose.",
  };
  /** Word swaps: each applies to a variant with probability 1/2. */
  private static final String[][] SWAPS = {
    {"patients", "people"}, {"individuals", "adults"}, {"research", "work"},
    {"traditional", "conventional"}, {"rapid", "fast"}, {"significant", "notable"},
    {"treatment", "care"}, {"potential", "promise"}, {"studies", "trials"},
    {"mental health", "psychiatric"}, {"years", "decades"}, {"doctors", "clinicians"},
  };

  private Corpus() {}

  /** The repository root: -Dtributary.root, or the nearest folder up with conf/topics.json. */
  static Path root() {
    String configured = System.getProperty("tributary.root");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("conf/topics.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "conf/topics.json not found above " + Path.of("").toAbsolutePath()
            + "; run from the repository or set -Dtributary.root");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The five samples at about 3 KB, then {@code count - 5} variants. */
  static List<Article> articles(Path root, int count) {
    List<Sample> samples = samples(root.resolve("samples/articles"));
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Random random = new Random(1_000 + i);
      Sample base = samples.get(i % samples.size());
      int target = i < samples.size() ? TARGET_BYTES : TARGET_BYTES - SPREAD + random.nextInt(2 * SPREAD);
      articles.add(i < samples.size() ? sized(base, samples, random, target, false)
          : sized(base, samples, random, target, true));
    }
    return articles;
  }

  static double meanBytes(List<Article> articles) {
    return articles.stream().mapToInt(Article::bytes).average().orElse(0);
  }

  /** Every sample's text as one string (for the synthetic taxonomy's shared vocabulary). */
  static List<String> sampleTexts(Path root) {
    List<String> texts = new ArrayList<>();
    for (Sample s : samples(root.resolve("samples/articles"))) {
      texts.add(s.title() + "\n" + String.join("\n", s.paragraphs()));
    }
    return texts;
  }

  private static Article sized(
      Sample base, List<Sample> samples, Random random, int target, boolean vary) {
    List<String> paragraphs = new ArrayList<>(base.paragraphs());
    String title = base.title();
    if (vary) {
      List<String> rest = new ArrayList<>(paragraphs.subList(1, paragraphs.size()));
      Collections.shuffle(rest, random);
      paragraphs = new ArrayList<>(paragraphs.subList(0, 1));
      paragraphs.addAll(rest);
      for (int n = 1 + random.nextInt(2); n > 0; n--) {
        paragraphs.add(1 + random.nextInt(paragraphs.size()), sentence(random));
      }
      for (String[] swap : SWAPS) {
        if (random.nextBoolean()) {
          for (int p = 0; p < paragraphs.size(); p++) {
            paragraphs.set(p, paragraphs.get(p).replace(swap[0], swap[1]));
          }
        }
      }
      if (random.nextInt(3) == 0 && !title.isEmpty()) {
        title = title + " in " + CITIES[random.nextInt(CITIES.length)];
      }
    }
    // Pad with the other samples' paragraphs (a different order for each variant).
    List<String> others = new ArrayList<>();
    for (Sample s : samples) {
      if (s != base) {
        others.addAll(s.paragraphs());
      }
    }
    Collections.shuffle(others, random);
    StringBuilder body = new StringBuilder();
    int budget = target - title.getBytes(StandardCharsets.UTF_8).length - 2;
    for (String p : paragraphs) {
      if (!append(body, p, budget)) {
        return new Article(title, body.toString());
      }
    }
    for (String p : others) {
      if (!append(body, p, budget)) {
        break;
      }
    }
    return new Article(title, body.toString());
  }

  /** Appends a paragraph, cut at the last sentence end that fits; false once full. */
  private static boolean append(StringBuilder body, String paragraph, int budget) {
    String separator = body.length() == 0 ? "" : "\n\n";
    int room = budget - utf8(body) - separator.length();
    if (room <= 0) {
      return false;
    }
    if (utf8(paragraph) <= room) {
      body.append(separator).append(paragraph);
      return true;
    }
    int cut = -1;
    for (int i = 0; i < paragraph.length(); i++) {
      char c = paragraph.charAt(i);
      if ((c == '.' || c == '!' || c == '?')
          && utf8(paragraph.substring(0, i + 1)) <= room) {
        cut = i + 1;
      }
    }
    if (cut > 0) {
      body.append(separator).append(paragraph, 0, cut);
    }
    return false;
  }

  private static int utf8(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  private static String sentence(Random random) {
    return String.format(
        SENTENCES[random.nextInt(SENTENCES.length)],
        CITIES[random.nextInt(CITIES.length)],
        NAMES[random.nextInt(NAMES.length)],
        ROLES[random.nextInt(ROLES.length)],
        20 + random.nextInt(400),
        2 + random.nextInt(20));
  }

  /** A title line (when the first line is short and a blank line follows), then paragraphs. */
  private static List<Sample> samples(Path dir) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no .txt articles in " + dir);
    }
    List<Sample> samples = new ArrayList<>();
    for (Path file : files) {
      List<String> lines =
          Arrays.stream(read(file).split("\\R")).map(String::strip).toList();
      String title = "";
      int from = 0;
      if (lines.size() > 1 && lines.get(0).length() <= 200 && lines.get(1).isEmpty()) {
        title = lines.get(0);
        from = 1;
      }
      List<String> paragraphs =
          lines.subList(from, lines.size()).stream().filter(l -> !l.isEmpty()).toList();
      samples.add(new Sample(title, paragraphs));
    }
    return samples;
  }
}
