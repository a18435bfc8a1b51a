-- The name filter now looks for a fragment anywhere in person.name_key (V22); a trigram index
-- answers that as V11_1's indexes answered it on the names as written, which no query reads any
-- more and which are dropped. Without pg_trgm (see V11_1) the filter works, only slower.
drop index if exists person_first_name_trgm_ix;
drop index if exists person_second_name_trgm_ix;

do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    execute 'create index person_name_key_trgm_ix on person using gin (name_key gin_trgm_ops)';
  else
    raise notice 'pg_trgm not installed: person.name_key has no trigram index. A DBA can run: create extension pg_trgm; create index person_name_key_trgm_ix on person using gin (name_key gin_trgm_ops);';
  end if;
end
$$;
