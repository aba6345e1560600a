package dev.tributary;

import dev.tributary.cli.CommandLine;
import dev.tributary.cli.IngestCommand;
import dev.tributary.cli.MigrateCommand;
import dev.tributary.cli.RetagCommand;
import dev.tributary.cli.StoriesEvalCommand;
import dev.tributary.cli.StoriesRebuildCommand;
import dev.tributary.cli.TopicsEvalCommand;
import dev.tributary.cluster.ClusterMember;
import dev.tributary.config.ConfigException;
import dev.tributary.config.ConfigLoader;
import dev.tributary.config.LogFormat;
import dev.tributary.config.TributaryConfig;
import dev.tributary.metrics.TributaryMetrics;
import dev.tributary.metrics.VertxMeters;
import dev.tributary.store.Store;
import dev.tributary.topics.Taxonomy;
import dev.tributary.topics.TaxonomyException;
import dev.tributary.topics.TaxonomySource;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up: parse the command line, load the configuration, run the command. */
public final class Main {
  static final int EXIT_USAGE = 64;
  static final int EXIT_CONFIG = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    CommandLine cli;
    try {
      cli = CommandLine.parse(args);
    } catch (CommandLine.UsageException e) {
      System.err.println("tributary: " + e.getMessage());
      System.err.print(CommandLine.usage());
      return EXIT_USAGE;
    }
    switch (cli.command()) {
      case HELP -> {
        System.out.print(CommandLine.usage());
        return 0;
      }
      case VERSION -> {
        System.out.println("tributary " + version());
        return 0;
      }
      case MIGRATE -> {
        return migrate(args);
      }
      default -> {
        return runWithConfig(cli);
      }
    }
  }

  private static int runWithConfig(CommandLine cli) {
    TributaryMetrics metrics = new TributaryMetrics();
    Vertx vertx = VertxMeters.builder(new VertxOptions(), metrics).build();
    try {
      TributaryConfig config =
          ConfigLoader.load(vertx, cli.confFile(), System.getenv()).await(30, TimeUnit.SECONDS);
      LogFormat.apply(config.logFormat(), System.getenv());
      Taxonomy taxonomy = TaxonomySource.load(config.topicsFile());
      if (cli.command() == CommandLine.Command.INGEST) {
        try (Store store = commandStore(vertx, config)) {
          var summary =
              new IngestCommand(
                      taxonomy,
                      store,
                      config.inbox().maxBytes(),
                      System.out,
                      config.pipeline().effectiveWorkers())
                  .run(cli.paths());
          return summary.failed() > 0 ? 1 : 0;
        } finally {
          vertx.close();
        }
      }
      if (cli.command() == CommandLine.Command.RETAG) {
        try (Store store = commandStore(vertx, config)) {
          new RetagCommand(store, System.out).run(taxonomy);
          return 0;
        } finally {
          vertx.close();
        }
      }
      if (cli.command() == CommandLine.Command.STORIES_REBUILD) {
        try (Store store = commandStore(vertx, config)) {
          new StoriesRebuildCommand(store, System.out).run();
          return 0;
        } finally {
          vertx.close();
        }
      }
      if (cli.command() == CommandLine.Command.STORIES_EVAL) {
        vertx.close();
        new StoriesEvalCommand(StoreOpeners.storyRules(config), System.out).run(cli.paths().get(0));
        return 0;
      }
      if (cli.command() == CommandLine.Command.TOPICS_EVAL) {
        vertx.close();
        new TopicsEvalCommand(taxonomy, System.out).run(cli.paths());
        return 0;
      }
      vertx = servingVertx(vertx, config, metrics);
      return serve(vertx, config, taxonomy, metrics);
    } catch (ConfigException e) {
      return configError(vertx, e.getMessage());
    } catch (TaxonomyException e) {
      return configError(vertx, "topics.file: " + e.getMessage());
    } catch (Exception e) {
      if (e.getCause() instanceof ConfigException ce) return configError(vertx, ce.getMessage());
      vertx.close();
      System.err.println("tributary: " + e.getMessage());
      return 1;
    }
  }

  /**
   * The Vert.x that serves: the one that loaded the configuration, or with {@code cluster.enabled}
   * a clustered one in its place (the loader is closed first).
   */
  private static Vertx servingVertx(Vertx loader, TributaryConfig config, TributaryMetrics metrics)
      throws Exception {
    if (!config.cluster().enabled()) return loader;
    loader.close();
    TributaryConfig.Cluster cluster = config.cluster();
    ClusterMember.checkPortsFree(cluster);
    try {
      VertxOptions options = new VertxOptions();
      return ClusterMember.join(VertxMeters.builder(options, metrics), options, cluster)
          .await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw ConfigException.forKey(
          "cluster.port",
          "cannot join the cluster as "
              + cluster.host()
              + ":"
              + cluster.port()
              + " (event bus port "
              + cluster.busPort()
              + "): "
              + rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static int serve(
      Vertx vertx, TributaryConfig config, Taxonomy taxonomy, TributaryMetrics metrics)
      throws Exception {
    Logger log = LoggerFactory.getLogger(Main.class);
    Tributary.Running running;
    try {
      running = Tributary.start(vertx, config, taxonomy, metrics).await(60, TimeUnit.SECONDS);
      log.info(
          "Tributary {} serving {} (port {}), inbox {}",
          version(),
          config.http().publicUrl(),
          running.httpPort(),
          config.inbox().dir().toAbsolutePath());
    } catch (Exception e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof BindException
          || String.valueOf(cause.getMessage()).contains("Address already in use")) {
        return configError(
            vertx,
            "http.port: cannot listen on "
                + config.http().host()
                + ":"
                + config.http().port()
                + " (address already in use)");
      }
      if (cause instanceof ConfigException ce) return configError(vertx, ce.getMessage());
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("Shutting down");
                  int status = 0;
                  try {
                    // In order, the store last (Tributary.Running.stop), then whatever is left.
                    running.stop(vertx).eventually(vertx::close).await(30, TimeUnit.SECONDS);
                    log.info("Stopped");
                  } catch (Exception e) {
                    log.warn("Unclean shutdown: {}", e.getMessage());
                    status = 1;
                  }
                  // SIGTERM (docker stop, systemd) is the normal way to stop a server: exit 0 when
                  // everything closed (the JVM would report 143), 1 when the close failed.
                  Runtime.getRuntime().halt(status);
                },
                "tributary-shutdown"));
    Thread.currentThread().join();
    return 0;
  }

  /**
   * The configured store ({@code store.kind}) for a command that runs without a server: the SQLite
   * file under {@code data.dir}, or the PostgreSQL database over a pool of {@code vertx}, which the
   * caller closes after the store.
   */
  private static Store commandStore(Vertx vertx, TributaryConfig config) throws Exception {
    return StoreOpeners.of(vertx, config).await(60, TimeUnit.SECONDS).writer().get();
  }

  /** {@code migrate}: needs no configuration, only its own --from and --to. */
  private static int migrate(String... args) {
    List<String> all = List.of(args);
    try {
      var options =
          MigrateCommand.Options.parse(all.subList(all.indexOf("migrate") + 1, all.size()));
      new MigrateCommand(System.out).run(options);
      return 0;
    } catch (CommandLine.UsageException e) {
      System.err.println("tributary: " + e.getMessage());
      return EXIT_USAGE;
    } catch (RuntimeException e) {
      System.err.println("tributary: migrate failed: " + e.getMessage());
      return 1;
    }
  }

  private static int configError(Vertx vertx, String message) {
    System.err.println("tributary: configuration error: " + message);
    vertx.close();
    return EXIT_CONFIG;
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
