-- Stories (docs/ARCHITECTURE.md, "Stories"): the same as the SQLite store's V8.
-- articles.story_id: the id of the story's first copy to arrive (its own id when alone or first);
-- story_bands: the MinHash band buckets of each article compared, where a new article finds its
-- candidates. Articles stored before are each their own story until `tributary stories rebuild`.

ALTER TABLE articles ADD COLUMN story_id TEXT;

UPDATE articles SET story_id = id;

CREATE INDEX articles_by_story ON articles (story_id, seq);

CREATE TABLE story_bands (
  band_key    BIGINT NOT NULL,
  article_seq BIGINT NOT NULL,
  PRIMARY KEY (band_key, article_seq)
);
