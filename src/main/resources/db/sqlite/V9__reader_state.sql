-- The reader account's state (docs/ARCHITECTURE.md, "Reader apps"): a row for each unread
-- article and one for each starred article. New articles are unread: the article writes add their
-- row in the same transaction. Articles stored before this migration start unread too, as they
-- would in a reader that has just been set up. An unread row repeats its article's source and
-- stored time, so counts, unread pages and mark-all-as-read read these small rows, never the
-- articles' (whose text comes before those columns).

CREATE TABLE reader_unread (
  article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  source_id   TEXT    NOT NULL,
  ingested_ms INTEGER NOT NULL
);

CREATE TABLE reader_starred (
  article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  starred_ms  INTEGER NOT NULL
);

INSERT INTO reader_unread (article_seq, source_id, ingested_ms)
  SELECT seq, source_id, ingested_ms FROM articles;
