-- Who polls a source (docs/ARCHITECTURE.md, "Polling split"): the instance that claimed its latest
-- poll, and until when no other instance may claim it. updateSource ends the lease; an instance
-- that died mid-poll lets its lease run out.

ALTER TABLE sources ADD COLUMN polled_by TEXT;

ALTER TABLE sources ADD COLUMN lease_until_ms INTEGER;
