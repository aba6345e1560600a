package dev.tributary.stories;

import dev.tributary.article.Article;
import dev.tributary.article.StoryCopy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read articles completed with their stories' other copies ({@code alsoIn}). */
public final class StoryMembers {
  private StoryMembers() {}

  /**
   * Each article with the members of its story other than itself, in the members' order.
   *
   * @param members the members of the articles' stories, as the store read them (arrival order)
   */
  public static List<Article> attach(List<Article> articles, List<StoryGrouping.Member> members) {
    if (members.isEmpty()) return articles;
    Map<String, List<StoryCopy>> byStory = new HashMap<>();
    for (StoryGrouping.Member m : members) {
      byStory.computeIfAbsent(m.storyId(), k -> new ArrayList<>()).add(m.copy());
    }
    List<Article> completed = new ArrayList<>(articles.size());
    for (Article a : articles) {
      List<StoryCopy> others = new ArrayList<>();
      for (StoryCopy c : byStory.getOrDefault(a.storyId(), List.of())) {
        if (!c.id().equals(a.id())) others.add(c);
      }
      completed.add(others.isEmpty() ? a : a.withStory(a.storyId(), others));
    }
    return completed;
  }

  /** The distinct story ids of these articles. */
  public static List<String> storyIds(List<Article> articles) {
    return articles.stream().map(Article::storyId).distinct().toList();
  }
}
