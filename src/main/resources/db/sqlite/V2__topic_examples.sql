-- Labelled examples that teach a topic by similarity (POST /api/topics/{slug}/examples).

CREATE TABLE topic_examples (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  slug       TEXT    NOT NULL,
  title      TEXT    NOT NULL,
  text       TEXT    NOT NULL,
  article_id TEXT,
  added_ms   INTEGER NOT NULL
);

CREATE INDEX topic_examples_by_slug ON topic_examples (slug);
