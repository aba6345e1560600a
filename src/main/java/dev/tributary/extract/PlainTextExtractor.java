package dev.tributary.extract;

import dev.tributary.extract.TextUnits.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text → article. The title is the first line when it reads as one, else it is made from the
 * first sentence; copies of the title, spam and a trailing hashtag line leave the body, and the
 * rest becomes headings, paragraphs and list items.
 */
final class PlainTextExtractor implements FormatExtractor {

  private static final Pattern ODD_SPACE = Pattern.compile("[\\t\\u00A0\\u2007\\u202F]");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\uFEFF]");
  private static final Pattern RUNS_OF_SPACE = Pattern.compile(" {2,}");

  @Override
  public ExtractedArticle extract(String body, String titleHint) throws ExtractionException {
    TrailingHashtags trailing = TrailingHashtags.find(lines(body));
    List<Unit> units = withoutSpam(TextUnits.split(trailing.bodyLines()));

    String title = hasText(titleHint) ? titleHint.strip() : titleLine(units);
    if (title != null) {
      RepeatedTitle repeated = new RepeatedTitle(title);
      units = units.stream().filter(unit -> !repeated.matches(unit.text())).toList();
    }
    List<Block> blocks = blocks(units);
    if (title == null) title = ArticleAssembly.derivedTitle(blocks);
    return ArticleAssembly.assemble(title, BlockRenderer.toHtml(blocks), blocks, trailing.tags());
  }

  private static List<String> lines(String body) {
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\n", -1)) {
      lines.add(needsCleaning(line) ? clean(line) : line.strip());
    }
    return lines;
  }

  /**
   * Whether the line has odd spaces, invisible characters or a run of spaces: most lines have none,
   * and one scan is cheaper than the three regex passes (bench/README.md, ingest).
   */
  private static boolean needsCleaning(String line) {
    char previous = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' && previous == ' ') return true;
      if (c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F') return true;
      if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF') return true;
      previous = c;
    }
    return false;
  }

  private static String clean(String line) {
    String visible = INVISIBLE.matcher(ODD_SPACE.matcher(line).replaceAll(" ")).replaceAll("");
    return RUNS_OF_SPACE.matcher(visible.strip()).replaceAll(" ");
  }

  private static List<Unit> withoutSpam(List<Unit> units) {
    return units.stream()
        .map(unit -> unit.withText(SpamFilter.clean(unit.text())))
        .filter(unit -> !unit.text().isBlank())
        .toList();
  }

  /** The first unit when it is a lone line that reads as a title and more text follows. */
  private static String titleLine(List<Unit> units) {
    if (units.size() < 2) return null;
    Unit first = units.get(0);
    boolean loneLine = first.lines() == 1 && !first.bullet();
    return loneLine && TitleRules.readsAsTitle(first.text()) ? first.text() : null;
  }

  private static List<Block> blocks(List<Unit> units) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      boolean moreFollows = i < units.size() - 1;
      if (unit.bullet()) {
        blocks.add(Block.listItem(unit.text()));
      } else if (moreFollows && unit.lines() == 1 && TitleRules.readsAsHeading(unit.text())) {
        blocks.add(Block.heading(unit.text()));
      } else {
        blocks.add(Block.paragraph(unit.text()));
      }
    }
    return blocks;
  }

  static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }
}
