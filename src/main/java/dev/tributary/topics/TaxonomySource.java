package dev.tributary.topics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the taxonomy comes from: the configured file, or — when the default {@code
 * conf/topics.json} is absent, as when the jar runs outside the repository — the copy bundled in
 * the jar.
 */
public final class TaxonomySource {
  public static final Path DEFAULT_FILE = Path.of("conf", "topics.json");
  private static final String BUNDLED = "defaults/topics.json";

  private TaxonomySource() {}

  public static Taxonomy load(Path configured) throws TaxonomyException {
    if (Files.exists(configured) || !configured.normalize().equals(DEFAULT_FILE)) {
      return Taxonomy.load(configured);
    }
    try (InputStream in = TaxonomySource.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) throw new TaxonomyException(BUNDLED + " is missing from the jar");
      return Taxonomy.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TaxonomyException("cannot read the bundled taxonomy: " + e.getMessage());
    }
  }
}
