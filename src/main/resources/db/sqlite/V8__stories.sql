-- Stories (docs/ARCHITECTURE.md, "Stories"): copies of one story from several sources.
-- articles.story_id: the id of the story's first copy to arrive; an article alone (or first) has
-- its own id there. story_bands: the MinHash band buckets of each article compared (stories/
-- StorySketch), where a new article finds its candidates; the writer keeps the newest articles' rows
-- in memory and writes them every few thousand, in key order (store/sqlite/PendingBands), and
-- story_state.bands_through_seq says up to which article they are written. Articles stored before
-- this migration are each their own story and have no buckets until `tributary stories rebuild`.

ALTER TABLE articles ADD COLUMN story_id TEXT;

UPDATE articles SET story_id = id;

CREATE INDEX articles_by_story ON articles (story_id, seq);

CREATE TABLE story_bands (
  band_key    INTEGER NOT NULL,
  article_seq INTEGER NOT NULL,
  PRIMARY KEY (band_key, article_seq)
) WITHOUT ROWID;

CREATE TABLE story_state (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  bands_through_seq INTEGER NOT NULL
);

INSERT INTO story_state (id, bands_through_seq) VALUES (1, (SELECT COALESCE(MAX(seq), 0) FROM articles));
