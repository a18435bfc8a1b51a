-- Issue 22: idempotency keys expire. IdempotencyKeyExpiry deletes, each hour, the keys older than
-- nrm.api.idempotencyKeys.keepHours (default 24) by their creation time; this index lets it find
-- them without reading the whole table.
create index api_idempotency_key_created_at on api_idempotency_key (created_at);
