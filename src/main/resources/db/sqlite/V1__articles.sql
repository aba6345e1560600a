-- Articles, their topics, and a full-text index over title and text.
-- Statements are separated by a blank line (see Migrations).

CREATE TABLE articles (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  id           TEXT    NOT NULL UNIQUE,
  content_hash TEXT    NOT NULL UNIQUE,
  title        TEXT    NOT NULL,
  summary      TEXT    NOT NULL,
  content_html TEXT    NOT NULL,
  text         TEXT    NOT NULL,
  url          TEXT,
  source_id    TEXT    NOT NULL,
  source_title TEXT    NOT NULL,
  author       TEXT,
  published_ms INTEGER NOT NULL,
  ingested_ms  INTEGER NOT NULL,
  tags         TEXT    NOT NULL DEFAULT '[]'
);

CREATE INDEX articles_by_published ON articles (published_ms DESC, seq DESC);

CREATE INDEX articles_by_source ON articles (source_id, published_ms DESC, seq DESC);

CREATE TABLE article_topics (
  article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  slug        TEXT    NOT NULL,
  label       TEXT    NOT NULL,
  score       REAL    NOT NULL,
  PRIMARY KEY (article_seq, slug)
);

CREATE INDEX article_topics_by_slug ON article_topics (slug, article_seq);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, text, content = 'articles', content_rowid = 'seq', tokenize = 'porter unicode61'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
