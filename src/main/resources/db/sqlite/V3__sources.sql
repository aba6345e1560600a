-- Feed subscriptions and their polling state (README, "Sources: feeds Tributary reads").

CREATE TABLE sources (
  id                 TEXT    PRIMARY KEY,
  url                TEXT    NOT NULL UNIQUE,
  title              TEXT,
  site_url           TEXT,
  interval_seconds   INTEGER NOT NULL,
  etag               TEXT,
  last_modified      TEXT,
  status             TEXT    NOT NULL DEFAULT 'new',
  last_attempt_ms    INTEGER,
  last_success_ms    INTEGER,
  last_http_status   INTEGER,
  consecutive_errors INTEGER NOT NULL DEFAULT 0,
  last_error         TEXT,
  next_poll_ms       INTEGER NOT NULL,
  hub_url            TEXT,
  created_ms         INTEGER NOT NULL
);

CREATE INDEX sources_by_next_poll ON sources (next_poll_ms);
