package dev.tributary.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits plain text into units (future paragraphs, headings and list items). Texts come either with
 * one paragraph per line or hard-wrapped at a fixed width; a line break inside a wrapped block is a
 * soft wrap when the next word would not have fitted on the line, otherwise a real break.
 */
final class TextUnits {

  /** One unit of text; {@code lines} tells a lone line (a heading candidate) from a paragraph. */
  record Unit(String text, boolean bullet, int lines) {
    Unit withText(String newText) {
      return new Unit(newText, bullet, lines);
    }
  }

  /** Blocks whose lines are all at most this long may be hard-wrapped. */
  static final int MAX_WRAP_WIDTH = 80;

  /** Narrower wraps are so rare that short lines are taken as deliberate breaks. */
  private static final int MIN_WRAP_WIDTH = 40;

  private static final Pattern BULLET = Pattern.compile("^(?:[•◦▪▫‣⁃·]\\s*|[*-]\\s+)(.*)$");

  private TextUnits() {}

  static List<Unit> split(List<String> lines) {
    List<Unit> units = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        splitBlock(block, units);
        block.clear();
      } else {
        block.add(line.strip());
      }
    }
    splitBlock(block, units);
    return units;
  }

  private static void splitBlock(List<String> block, List<Unit> units) {
    if (block.isEmpty()) return;
    int width = wrapWidth(block);
    StringBuilder text = new StringBuilder();
    boolean bullet = false;
    int lineCount = 0;
    for (int i = 0; i < block.size(); i++) {
      String line = block.get(i);
      Matcher bulletMatch = BULLET.matcher(line);
      boolean startsBullet = bulletMatch.matches();
      boolean continues = i > 0 && !startsBullet && isSoftWrap(block.get(i - 1), line, width);
      if (!continues && lineCount > 0) {
        units.add(new Unit(text.toString(), bullet, lineCount));
        text.setLength(0);
        lineCount = 0;
      }
      if (!continues) bullet = startsBullet;
      if (lineCount > 0) text.append(' ');
      text.append(startsBullet ? bulletMatch.group(1).strip() : line);
      lineCount++;
    }
    units.add(new Unit(text.toString(), bullet, lineCount));
  }

  /** The block's wrap width, or 0 when its lines are too long to be hard-wrapped. */
  private static int wrapWidth(List<String> block) {
    int longest = block.stream().mapToInt(String::length).max().orElse(0);
    if (block.size() < 2 || longest > MAX_WRAP_WIDTH) return 0;
    return Math.max(longest, MIN_WRAP_WIDTH);
  }

  private static boolean isSoftWrap(String previous, String line, int width) {
    if (width == 0) return false;
    int firstWord = line.split("\\s+", 2)[0].length();
    return previous.length() + 1 + firstWord > width;
  }
}
