-- Issue 22: the seal of the audit trail covers the REST API's channel and client id (V32) from now
-- on. Each seal records the format it was computed in: 1 for the days sealed before (without those
-- columns; they still verify as sealed), 2 for every day sealed from this migration on
-- (AuditSealChain.FORMAT_WITH_CHANNEL). Adding a column changes no stored seal.
alter table audit_seal add column seal_format integer default 1 not null;
