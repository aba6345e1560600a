package dev.tributary;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the tree (docs/ARCHITECTURE.md, layout): no two top-level packages depend on each
 * other, directly or round a longer loop, so every class has one room that owns it; and the pure
 * packages know nothing of the Vert.x runtime (its JSON types are plain data and allowed), so they
 * are unit-tested without it. Read from the compiled main classes, so references that are not
 * imports (fully qualified names) count too.
 */
class PackageRulesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tributary");

  @Test
  void noTopLevelPackagesDependOnEachOtherInACycle() {
    slices().matching("dev.tributary.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void thePurePackagesStayFreeOfTheVertxRuntime() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.tributary.article..",
            "dev.tributary.extract..",
            "dev.tributary.topics..",
            "dev.tributary.publish..",
            "dev.tributary.reader..",
            "dev.tributary.stories..",
            "dev.tributary.sources.parse..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.vertx..").and(not(resideInAPackage("io.vertx.core.json.."))))
        .check(MAIN);
  }

  /**
   * Our records travel by reference (bus/Codecs) and cannot cross a cluster, so every consumer
   * outside cluster/ and bridge/ is local: a clustered instance never offers one of its addresses
   * to other members. cluster/ClusterEvents listens cluster-wide to article events, and
   * bridge/IngestAddress to the public tributary.ingest; both take JSON only.
   */
  @Test
  void onlyTheClusterAndTheIngestAddressListenAcrossTheCluster() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.tributary.cluster..", "dev.tributary.bridge..")
        .should()
        .callMethod(EventBus.class, "consumer", String.class)
        .orShould()
        .callMethod(EventBus.class, "consumer", String.class, Handler.class)
        .check(MAIN);
  }
}
