-- Issue 22: an audit record says through which channel the data was read (the pages or the REST
-- API) and, for the API, which client system (the token's authorised party) asked. Existing rows
-- were all written by the pages. Adding columns with a constant default rewrites no row, so the
-- append-only triggers (PostgreSQL, V2_1) stay in force and are not fired.
alter table audit_record add column channel varchar(8) default 'WEB' not null;
alter table audit_record add column client_id varchar(100);
