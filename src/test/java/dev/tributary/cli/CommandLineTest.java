package dev.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  @Test
  void servesByDefault() throws Exception {
    assertEquals(CommandLine.Command.SERVE, CommandLine.parse().command());
    assertEquals(CommandLine.Command.SERVE, CommandLine.parse("serve").command());
  }

  @Test
  void readsIngestPathsAndConf() throws Exception {
    CommandLine cli = CommandLine.parse("ingest", "a.txt", "--conf", "x.json", "folder");
    assertEquals(CommandLine.Command.INGEST, cli.command());
    assertEquals(List.of(Path.of("a.txt"), Path.of("folder")), cli.paths());
    assertEquals(Path.of("x.json"), cli.confFile());
  }

  @Test
  void readsTopicsEvalAndItsFolders() throws Exception {
    CommandLine cli = CommandLine.parse("topics", "eval", "labelled", "--conf", "x.json");
    assertEquals(CommandLine.Command.TOPICS_EVAL, cli.command());
    assertEquals(List.of(Path.of("labelled")), cli.paths());
    assertEquals(Path.of("x.json"), cli.confFile());
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("topics", "eval"));
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("topics"));
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("topics", "list"));
    assertEquals(
        List.of(Path.of("a"), Path.of("b")), CommandLine.parse("topics", "eval", "a", "b").paths());
  }

  @Test
  void readsStoriesRebuildAndStoriesEvalWithItsFolder() throws Exception {
    CommandLine rebuild = CommandLine.parse("stories", "rebuild", "--conf", "x.json");
    assertEquals(CommandLine.Command.STORIES_REBUILD, rebuild.command());
    assertEquals(Path.of("x.json"), rebuild.confFile());
    CommandLine eval = CommandLine.parse("stories", "eval", "labelled");
    assertEquals(CommandLine.Command.STORIES_EVAL, eval.command());
    assertEquals(List.of(Path.of("labelled")), eval.paths());
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("stories"));
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("stories", "eval"));
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("stories", "merge"));
    assertThrows(
        CommandLine.UsageException.class, () -> CommandLine.parse("stories", "rebuild", "a"));
  }

  @Test
  void helpAndVersionWin() throws Exception {
    assertEquals(CommandLine.Command.HELP, CommandLine.parse("serve", "--help").command());
    assertEquals(CommandLine.Command.VERSION, CommandLine.parse("--version").command());
  }

  @Test
  void rejectsWhatItDoesNotKnow() {
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("--frobnicate"));
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("ingest"));
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("--conf"));
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("launch"));
  }
}
