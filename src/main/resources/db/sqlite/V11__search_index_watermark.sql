-- The full-text index is written after its articles, in batches (store/sqlite/SqliteStore,
-- indexPending): FTS5 writes a new index segment at every commit and merges them later, so a
-- segment per group commit of a few dozen articles cost about twice one per second of articles
-- (bench/README.md, "Ingest"). search_state.indexed_through_seq says up to which article the index
-- is written; a writer that opens after a crash indexes the articles above it first.

CREATE TABLE search_state (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_through_seq INTEGER NOT NULL
);

INSERT INTO search_state (id, indexed_through_seq) VALUES (1, (SELECT COALESCE(MAX(seq), 0) FROM articles));
