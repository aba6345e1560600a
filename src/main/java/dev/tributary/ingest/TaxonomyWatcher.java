package dev.tributary.ingest;

import dev.tributary.bus.Addresses;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TaxonomySource;
import dev.tributary.topics.TopicModel;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the taxonomy when its file changes, so topics take effect without a restart. Checks the
 * file's time and size every {@value #CHECK_MILLIS} ms (one stat call: cheaper and surer than a
 * directory watch for one file that editors replace by renaming). A file that no longer parses is
 * logged and ignored: the previous taxonomy stays in force.
 */
final class TaxonomyWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(TaxonomyWatcher.class);
  static final long CHECK_MILLIS = 2_000;

  private final Vertx vertx;
  private final Path file;
  private final TopicModel model;
  private FileTime lastModified;
  private long lastSize = -1;

  TaxonomyWatcher(Vertx vertx, Path file, TopicModel model) {
    this.vertx = vertx;
    this.file = file;
    this.model = model;
  }

  void start() {
    if (!Files.isRegularFile(file)) return; // the bundled default: nothing to watch
    changed();
    vertx.setPeriodic(CHECK_MILLIS, id -> check());
  }

  private void check() {
    if (!changed()) return;
    try {
      Taxonomy taxonomy = TaxonomySource.load(file);
      model.replaceTaxonomy(taxonomy);
      vertx.eventBus().publish(Addresses.TOPICS_CHANGED, taxonomy);
      LOG.info(
          "Reloaded {}: {} topics; POST /api/topics/retag to re-tag stored articles",
          file,
          taxonomy.topics().size());
    } catch (RuntimeException e) {
      LOG.error("Not reloading {}, keeping the previous taxonomy: {}", file, e.getMessage());
    }
  }

  private boolean changed() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      boolean changed = !modified.equals(lastModified) || size != lastSize;
      lastModified = modified;
      lastSize = size;
      return changed;
    } catch (IOException e) {
      return false; // being replaced; look again next time
    }
  }
}
