package dev.tributary.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line: {@code [serve] | ingest PATH… | retag | topics eval LABELS_DIR… |
 * stories rebuild | stories eval DIR | migrate … | --help | --version}, {@code --conf FILE}.
 */
public record CommandLine(Command command, Path confFile, List<Path> paths) {

  public enum Command {
    SERVE,
    INGEST,
    RETAG,
    TOPICS_EVAL,
    STORIES_REBUILD,
    STORIES_EVAL,
    MIGRATE,
    HELP,
    VERSION
  }

  /** Thrown for a command line we cannot run; the message is for the user. */
  public static final class UsageException extends Exception {
    public UsageException(String message) {
      super(message);
    }
  }

  public static CommandLine parse(String... args) throws UsageException {
    Command command = null;
    Path conf = null;
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h", "help" -> {
          return new CommandLine(Command.HELP, null, List.of());
        }
        case "migrate" -> {
          // its own options (MigrateCommand.Options), read from the arguments after it
          if (command != null) throw new UsageException("unexpected '" + arg + "'");
          MigrateCommand.Options.parse(List.of(args).subList(i + 1, args.length));
          return new CommandLine(Command.MIGRATE, null, List.of());
        }
        case "--version", "-V", "version" -> {
          return new CommandLine(Command.VERSION, null, List.of());
        }
        case "--conf" -> {
          if (i + 1 >= args.length) throw new UsageException("--conf needs a FILE");
          conf = Path.of(args[++i]);
        }
        case "serve", "ingest", "retag" -> {
          if (command != null) throw new UsageException("unexpected '" + arg + "'");
          command = Command.valueOf(arg.toUpperCase(java.util.Locale.ROOT));
        }
        case "topics" -> {
          if (command != null) throw new UsageException("unexpected '" + arg + "'");
          if (i + 1 >= args.length || !args[i + 1].equals("eval")) {
            throw new UsageException("topics needs a subcommand: topics eval LABELS_DIR...");
          }
          i++;
          command = Command.TOPICS_EVAL;
        }
        case "stories" -> {
          if (command != null) throw new UsageException("unexpected '" + arg + "'");
          String sub = i + 1 < args.length ? args[i + 1] : "";
          command =
              switch (sub) {
                case "rebuild" -> Command.STORIES_REBUILD;
                case "eval" -> Command.STORIES_EVAL;
                default ->
                    throw new UsageException(
                        "stories needs a subcommand: stories rebuild, or stories eval DIR");
              };
          i++;
        }
        default -> {
          if (arg.startsWith("--conf=")) conf = Path.of(arg.substring("--conf=".length()));
          else if (arg.startsWith("-")) throw new UsageException("unknown option " + arg);
          else if (command == Command.INGEST || command == Command.TOPICS_EVAL) {
            paths.add(Path.of(arg));
          } else if (command == Command.STORIES_EVAL && paths.isEmpty()) paths.add(Path.of(arg));
          else throw new UsageException("unknown command '" + arg + "'");
        }
      }
    }
    if (command == null) command = Command.SERVE;
    if (command == Command.INGEST && paths.isEmpty()) {
      throw new UsageException("ingest needs at least one file or folder");
    }
    if (command == Command.TOPICS_EVAL && paths.isEmpty()) {
      throw new UsageException("topics eval needs a folder holding labels.json and the articles");
    }
    if (command == Command.STORIES_EVAL && paths.isEmpty()) {
      throw new UsageException("stories eval needs a folder holding labels.json and items/");
    }
    return new CommandLine(command, conf, List.copyOf(paths));
  }

  public static String usage() {
    return """
        Usage: java -jar tributary.jar [COMMAND] [--conf FILE]

        Commands:
          serve            run the server (the default): feeds, API, inbox watcher
          ingest PATH...   ingest files or folders into the configured store, no server
          retag            re-tag every stored article with the current taxonomy, no server
          migrate --from sqlite:PATH --to postgres:URI [--replace]
                           copy the SQLite store in PATH (its data folder) into the
                           PostgreSQL database at URI, checking the counts; a target
                           holding data is refused unless --replace (which empties it)
          topics eval LABELS_DIR...
                           tag the hand-labelled articles of each set (a folder holding
                           labels.json: {"file.txt": ["slug", ...]}, and optionally
                           groups.json: {"file.txt": "in-domain" | "hard-negative" |
                           "off-domain"}; or a folder of such folders) with the configured
                           topics.file and print per set per-topic precision, recall and
                           F1, micro- and macro-F1 overall and per group, and the
                           misclassified articles; then all sets side by side
          stories rebuild  group every stored article into stories again under the
                           configured stories.* (after changing stories.threshold), no server
          stories eval DIR ingest the story-labelled items in DIR (items/NNN.txt: source:,
                           url:, title, blank line, body; labels.json: {"NNN.txt": "story"})
                           into a temporary store and print pairwise precision and recall
          --help           show this help
          --version        show the version

        Options:
          --conf FILE      configuration file, over conf/tributary.json and the defaults

        Every configuration key can also be set with an environment variable
        TRIBUTARY_<KEY>, dots as underscores: TRIBUTARY_HTTP_PORT=9090.
        Keys: see docs/CONFIGURATION.md.
        """;
  }
}
