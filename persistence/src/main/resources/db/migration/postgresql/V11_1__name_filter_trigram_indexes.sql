-- PostgreSQL only: the case list's name filter looks for a fragment anywhere in a first or second
-- name (lower(name) LIKE '%fragment%'), which no B-tree index can answer: PostgreSQL read and
-- lower-cased all 100,000 persons for each filtered page and its count (130–200 ms). Trigram
-- indexes (extension pg_trgm, shipped with PostgreSQL) find the persons whose names contain the
-- fragment directly (docs/benchmarks.md).
-- Creating an extension needs the CREATE privilege on the database; without it the portal still
-- starts and filters by name, only slower, and the notice says what a database administrator can run.
do $$
begin
  create extension if not exists pg_trgm;
exception when insufficient_privilege then
  raise notice 'pg_trgm not created (no privilege): the name filter works without it, slower. A DBA can run: create extension pg_trgm; and repeat this migration''s index statements.';
end
$$;

do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    execute 'create index person_first_name_trgm_ix on person using gin (lower(first_name) gin_trgm_ops)';
    execute 'create index person_second_name_trgm_ix on person using gin (lower(second_name) gin_trgm_ops)';
  end if;
end
$$;
