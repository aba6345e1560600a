-- WebSub: a source's subscription to the hub its feed advertises (one per source).

CREATE TABLE hub_subscriptions (
  source_id        TEXT    PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  hub_url          TEXT    NOT NULL,
  topic_url        TEXT    NOT NULL,
  secret           TEXT    NOT NULL,
  state            TEXT    NOT NULL,
  requested_ms     INTEGER NOT NULL,
  lease_seconds    INTEGER,
  lease_expires_ms INTEGER,
  last_error       TEXT
);
