-- The full-text index moves to a database file of its own, search.db beside this one
-- (store/sqlite/SqliteSearchIndex): a thread of its own writes it after the articles, in batches,
-- without taking this file's write lock, so the article writer never waits for FTS5 (its largest
-- cost per article: bench/README.md, "Ingest results"). The index there starts empty and is built
-- from the articles in the background; until it has caught up, search finds fewer articles.

DROP TRIGGER articles_fts_delete;

DROP TRIGGER articles_fts_update;

DROP TABLE articles_fts;
