package dev.tributary.cli;

import dev.tributary.store.postgres.PostgresDatabase;
import dev.tributary.store.postgres.PostgresImport;
import dev.tributary.store.sqlite.SqliteTables;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code tributary migrate --from sqlite:PATH --to postgres:URI [--replace]}: copies a SQLite store
 * (PATH: its data folder, or its {@code tributary.db}) into a PostgreSQL database — articles with
 * their topics and sequence numbers, sources, hub subscriptions, topic examples, corpus counts —
 * with a progress line per table and a count check at the end. The copy is one transaction: on any
 * failure, a count mismatch included, the target is left as it was. A target that holds data is
 * refused unless {@code --replace}, which empties it first. Servers writing either store should be
 * stopped.
 */
public final class MigrateCommand {
  /** The parsed arguments. */
  public record Options(Path sqliteDir, String postgresUri, boolean replace) {
    public static Options parse(List<String> args) throws CommandLine.UsageException {
      String from = null;
      String to = null;
      boolean replace = false;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--from", "--to" -> {
            if (i + 1 >= args.size()) throw new CommandLine.UsageException(arg + " needs a value");
            if (arg.equals("--from")) from = args.get(++i);
            else to = args.get(++i);
          }
          case "--replace" -> replace = true;
          default -> throw new CommandLine.UsageException("migrate: unexpected '" + arg + "'");
        }
      }
      if (from == null || !from.startsWith("sqlite:")) {
        throw new CommandLine.UsageException("migrate needs --from sqlite:PATH");
      }
      if (to == null || !to.startsWith("postgres:")) {
        throw new CommandLine.UsageException("migrate needs --to postgres:URI");
      }
      Path path = Path.of(from.substring("sqlite:".length()));
      Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
      return new Options(dir, to.substring("postgres:".length()), replace);
    }
  }

  private final PrintStream out;

  public MigrateCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs the copy; throws (nothing copied) when it could not be made complete. */
  public void run(Options options) {
    Vertx vertx = Vertx.vertx();
    try (SqliteTables source = SqliteTables.open(options.sqliteDir());
        PostgresDatabase target = PostgresDatabase.connect(vertx, options.postgresUri(), 2)) {
      target.migrate();
      List<Long> copied = new PostgresImport(target, out::println).copy(source, options.replace());
      StringBuilder summary = new StringBuilder("copied, counts checked:");
      for (int i = 0; i < copied.size(); i++) {
        summary
            .append(i == 0 ? " " : ", ")
            .append(copied.get(i))
            .append(' ')
            .append(PostgresImport.TABLES.get(i).name());
      }
      out.println(summary);
    } finally {
      vertx.close().await();
    }
  }
}
