-- WebSub: each subscription's callback URL ends in a random token (/websub/<source id>/<token>),
-- so only the hub we asked can verify, deny or push. Rows from V4 have none (NULL): the next
-- poll replaces them with a new subscription (new secret, new token).

ALTER TABLE hub_subscriptions ADD COLUMN callback_token TEXT
