package dev.tributary.reader;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The numbers Fever clients know sources (feeds) and topics (groups) by. Fever ids are integers;
 * Tributary's are strings, so each gets a number derived from it (CRC-32, 31 bits, never 0): the
 * same after a restart, on every cluster member and after {@code tributary migrate}, with nothing
 * to store. Two that would share a number (rare: 1 in 2 million for a pair) are told apart by
 * giving the later one, in the order given, the next free number. Item ids are the articles'
 * sequence numbers and need no mapping.
 */
public final class FeverIds {
  private final Map<String, Integer> feedNumbers;
  private final Map<Integer, String> feedsByNumber = new HashMap<>();
  private final Map<String, Integer> groupNumbers;
  private final Map<Integer, String> groupsByNumber = new HashMap<>();

  /**
   * @param sourceIds every source, in a stable order (by id)
   * @param topicSlugs every topic, in taxonomy order
   */
  public FeverIds(List<String> sourceIds, List<String> topicSlugs) {
    this.feedNumbers = assign("source", sourceIds, feedsByNumber);
    this.groupNumbers = assign("topic", topicSlugs, groupsByNumber);
  }

  /** The source's feed number, or 0 when it is not one of them. */
  public int feed(String sourceId) {
    return feedNumbers.getOrDefault(sourceId, 0);
  }

  /** The source a feed number stands for, or null. */
  public String sourceOf(long feedNumber) {
    return feedsByNumber.get((int) feedNumber);
  }

  public int group(String slug) {
    return groupNumbers.getOrDefault(slug, 0);
  }

  /** The topic a group number stands for, or null. */
  public String topicOf(long groupNumber) {
    return groupsByNumber.get((int) groupNumber);
  }

  private static Map<String, Integer> assign(
      String kind, List<String> keys, Map<Integer, String> byNumber) {
    Map<String, Integer> numbers = new HashMap<>();
    for (String key : keys) {
      if (numbers.containsKey(key)) continue;
      int n = number(kind + ":" + key);
      while (byNumber.containsKey(n)) n = n == Integer.MAX_VALUE ? 1 : n + 1;
      numbers.put(key, n);
      byNumber.put(n, key);
    }
    return numbers;
  }

  private static int number(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    int n = (int) (crc.getValue() & 0x7fffffffL);
    return n == 0 ? 1 : n;
  }
}
