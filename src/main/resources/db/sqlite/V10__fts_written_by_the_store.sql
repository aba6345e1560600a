-- The full-text index of a new article is written by the article writes themselves
-- (store/sqlite/SqliteArticleBatch), in the same transaction, not by a trigger. FTS5 writes out
-- the index entries it holds in memory at every savepoint, and SQLite runs each trigger under a
-- statement savepoint: through the trigger every article became its own small index segment, to
-- be merged later, and indexing cost twice what the same insert costs made directly (bench/
-- README.md, "Ingest"). The delete and update triggers stay: no hot path deletes or rewrites text.

DROP TRIGGER articles_fts_insert;
