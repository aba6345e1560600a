package dev.tributary.reader;

import java.util.List;

/**
 * What an {@code edit-tag} asks for: the tags added ({@code a}) and removed ({@code r}) as the two
 * states Tributary keeps. Adding {@code read} or removing {@code kept-unread} marks read; removing
 * {@code read} or adding {@code kept-unread} marks unread (newsboat sends both halves of each);
 * {@code starred} stars and unstars. Google's other states (tracking-…, fresh, broadcast, like) are
 * ignored. Labels are topics, which the taxonomy gives: editing one is refused.
 *
 * @param read true: mark read, false: unread, null: leave
 * @param starred true: star, false: unstar, null: leave
 */
public record EditTags(Boolean read, Boolean starred) {

  public static EditTags of(List<String> added, List<String> removed) {
    EditTags tags = new EditTags(null, null);
    for (String tag : added) tags = tags.with(tag, true);
    for (String tag : removed) tags = tags.with(tag, false);
    return tags;
  }

  private EditTags with(String tag, boolean add) {
    String state = Streams.stateName(tag);
    if (state == null) {
      if (tag != null && tag.startsWith("user/") && tag.contains("/label/")) {
        throw new IllegalArgumentException(
            "labels are Tributary's topics, set by its taxonomy: '"
                + ItemIds.shorten(tag)
                + "' cannot be added or removed");
      }
      throw new IllegalArgumentException("not a tag: '" + ItemIds.shorten(tag) + "'");
    }
    return switch (state) {
      case Streams.READ -> withRead(add);
      case Streams.KEPT_UNREAD -> withRead(!add);
      case Streams.STARRED -> withStarred(add);
      default -> this;
    };
  }

  private EditTags withRead(boolean value) {
    if (read != null && read != value) {
      throw new IllegalArgumentException("a and r ask for both read and unread");
    }
    return new EditTags(value, starred);
  }

  private EditTags withStarred(boolean value) {
    if (starred != null && starred != value) {
      throw new IllegalArgumentException("a and r ask to star and to unstar");
    }
    return new EditTags(read, value);
  }
}
