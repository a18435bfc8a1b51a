-- H2 (the embedded, single-machine database) cannot answer LIKE '%fragment%' from a B-tree index;
-- the index keeps the schemas alike and serves prefix searches. PostgreSQL has a trigram index.
create index person_name_key_ix on person (name_key);
