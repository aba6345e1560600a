package dev.tributary.reader;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Google Reader item ids. An item's number is its article's store sequence number; clients send it
 * back in four forms, all accepted (Miniflux PR #3325 lists which client sends which): the long
 * form {@code tag:google.com,2005:reader/item/<16 hex digits>} (what this server hands out in
 * contents and Atom), the same without its zero padding (NetNewsWire), sixteen hex digits alone
 * (Reeder), and decimal (what {@code stream/items/ids} hands out; Liferea).
 */
public final class ItemIds {
  public static final String PREFIX = "tag:google.com,2005:reader/item/";
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,16}");
  private static final Pattern BARE_HEX = Pattern.compile("[0-9a-fA-F]{16}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

  private ItemIds() {}

  /** The long form: {@code tag:google.com,2005:reader/item/} and 16 hex digits. */
  public static String longForm(long seq) {
    return PREFIX + HexFormat.of().toHexDigits(seq);
  }

  /** The item's number from any of the four forms; a {@link BadItemId} for anything else. */
  public static long parse(String id) {
    String value = id == null ? "" : id.trim();
    long seq;
    if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      String hex = value.substring(PREFIX.length());
      if (!HEX.matcher(hex).matches()) throw new BadItemId(id);
      seq = Long.parseUnsignedLong(hex.toLowerCase(Locale.ROOT), 16);
    } else if (BARE_HEX.matcher(value).matches()) {
      seq = Long.parseUnsignedLong(value.toLowerCase(Locale.ROOT), 16);
    } else if (DECIMAL.matcher(value).matches()) {
      seq = Long.parseLong(value);
    } else {
      throw new BadItemId(id);
    }
    if (seq <= 0) throw new BadItemId(id);
    return seq;
  }

  /** An item id in none of the four forms. */
  public static final class BadItemId extends IllegalArgumentException {
    BadItemId(String id) {
      super(
          "not an item id: '"
              + shorten(id)
              + "' (expected "
              + PREFIX
              + "<16 hex digits>, 16 hex digits, or a decimal number)");
    }
  }

  static String shorten(String text) {
    if (text == null) return "";
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
