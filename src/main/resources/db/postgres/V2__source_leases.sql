-- Who polls a source (docs/ARCHITECTURE.md, "Polling split"): the instance that claimed its latest
-- poll, and until when no other instance may claim it. updateSource ends the lease; an instance
-- that died mid-poll lets its lease run out. The same columns as the SQLite store's V7.

ALTER TABLE sources ADD COLUMN polled_by TEXT;

ALTER TABLE sources ADD COLUMN lease_until_ms BIGINT;
