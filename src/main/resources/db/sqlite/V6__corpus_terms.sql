-- Corpus statistics kept, not replayed: each stem's document frequency over the stored articles,
-- the number of articles counted, and the watermark up to which every stored article is counted.
-- The tagger saves deltas and the new watermark in one transaction; at start-up it reads hash and
-- df of every stem (not the text: faster) and counts only the articles above the watermark.
-- hash: the stem's 64-bit hash as the tagger's sketch uses it (topics/CorpusStats.hash, murmur3);
-- a change of that function needs a migration recomputing it from stem.

CREATE TABLE corpus_terms (
  hash INTEGER PRIMARY KEY,
  stem TEXT    NOT NULL,
  df   INTEGER NOT NULL
);

CREATE TABLE corpus_state (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  documents           INTEGER NOT NULL,
  counted_through_seq INTEGER NOT NULL
);

INSERT INTO corpus_state (id, documents, counted_through_seq) VALUES (1, 0, 0);
