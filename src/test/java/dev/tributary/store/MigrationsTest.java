package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner records each script under the number its name gives, and refuses a list that lies. */
class MigrationsTest {
  /** A target that records what was applied, starting at a given version. */
  static final class Recording implements Migrations.Target {
    final List<String> applied = new ArrayList<>();
    final int start;

    Recording(int start) {
      this.start = start;
    }

    @Override
    public int version() {
      return start;
    }

    @Override
    public void apply(int version, String script, List<String> statements, String at) {
      applied.add(version + " " + script);
    }
  }

  @Test
  void eachScriptIsRecordedUnderTheNumberInItsName() throws Exception {
    Recording target = new Recording(1);
    var scripts = List.of("V1__articles.sql", "V2__topic_examples.sql", "V3__sources.sql");
    assertEquals(3, new Migrations("sqlite", scripts).migrate(target));
    assertEquals(List.of("2 V2__topic_examples.sql", "3 V3__sources.sql"), target.applied);
  }

  @Test
  void aListWithAGapOrAScriptOutOfPlaceIsRefused() {
    var gap =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Migrations("sqlite", List.of("V1__a.sql", "V3__c.sql")));
    assertTrue(gap.getMessage().contains("V3__c.sql is number 2"), gap.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Migrations("sqlite", List.of("V2__b.sql", "V1__a.sql")));
    assertThrows(
        IllegalArgumentException.class, () -> new Migrations("sqlite", List.of("articles.sql")));
  }
}
