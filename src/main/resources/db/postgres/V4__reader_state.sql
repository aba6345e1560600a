-- The reader account's state (docs/ARCHITECTURE.md, "Reader apps"): a row for each unread
-- article (with its source and stored time) and one for each starred article. The same tables as
-- the SQLite store's V9.

CREATE TABLE reader_unread (
  article_seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  source_id   TEXT   NOT NULL,
  ingested_ms BIGINT NOT NULL
);

CREATE TABLE reader_starred (
  article_seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  starred_ms  BIGINT NOT NULL
);

INSERT INTO reader_unread (article_seq, source_id, ingested_ms)
  SELECT seq, source_id, ingested_ms FROM articles;
