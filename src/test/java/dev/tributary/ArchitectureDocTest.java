package dev.tributary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md's layout tree names every package of the source tree, and no other; and the
 * sources cite the documents the repository holds, not a specification it does not.
 */
class ArchitectureDocTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/tributary");
  private static final Path DOC = Path.of("docs/ARCHITECTURE.md");
  private static final Pattern TREE_ENTRY =
      Pattern.compile("^  ([a-z]+(?:/[a-z]+)*)/\\s", Pattern.MULTILINE);

  @Test
  void theLayoutTreeNamesEveryPackageAndNoOther() throws IOException {
    TreeSet<String> packages;
    try (Stream<Path> dirs = Files.walk(SOURCES)) {
      packages =
          dirs.filter(Files::isDirectory)
              .filter(d -> !d.equals(SOURCES))
              .map(d -> SOURCES.relativize(d).toString().replace('\\', '/'))
              .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
    assertEquals(packages, new TreeSet<>(documented()), "packages under " + SOURCES);
  }

  /** The folders the tree lists under src/main/java/dev/tributary/ (its first block). */
  private static List<String> documented() throws IOException {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("src/main/java/dev/tributary/\n");
    int end = doc.indexOf("src/main/resources/", start);
    Matcher m = TREE_ENTRY.matcher(doc.substring(start, end));
    List<String> folders = new java.util.ArrayList<>();
    while (m.find()) folders.add(m.group(1));
    return folders;
  }

  /**
   * No comment in the sources cites a section of "SPEC": the contract is written down in the
   * repository's own docs (docs/ARCHITECTURE.md, docs/CONFIGURATION.md, the README), and a citation
   * a reader of the repository cannot follow is no citation.
   */
  @Test
  void theSourcesCiteNoSpecificationTheRepositoryDoesNotHold() throws IOException {
    List<String> citing;
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      citing =
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
              .filter(ArchitectureDocTest::citesSpec)
              .map(Path::toString)
              .sorted()
              .toList();
    }
    assertEquals(List.of(), citing);
  }

  private static boolean citesSpec(Path file) {
    try {
      return Files.readString(file).contains("SPEC \u00a7");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
