-- Corpus statistics kept, not replayed: each stem's document frequency over the stored articles,
-- the number of articles counted, and the watermark up to which every stored article is counted.
-- The tagger saves deltas and the new watermark in one transaction; at start-up it counts only the
-- articles above the watermark.

CREATE TABLE corpus_terms (
  stem TEXT    PRIMARY KEY,
  df   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE corpus_state (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  documents           INTEGER NOT NULL,
  counted_through_seq INTEGER NOT NULL
);

INSERT INTO corpus_state (id, documents, counted_through_seq) VALUES (1, 0, 0);
