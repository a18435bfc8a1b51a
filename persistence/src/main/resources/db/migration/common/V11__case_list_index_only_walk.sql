-- The case list walks case_file in its order (day opened, newest first, id as tie-breaker) and keeps
-- the rows the access policy lets through; the owner column in the index lets PostgreSQL test the
-- owner side of the policy without reading the table (an index-only scan): a recipient's page 200,
-- which passes over some 30,000 cases to find its 4,000, reads the index alone.
-- Measured at 100,000 cases (docs/benchmarks.md). It supersedes case_file_opened_ix (V3), its prefix.
create index case_file_opened_owner_ix on case_file (opened_on, id, owner_organisation_id);
drop index case_file_opened_ix;
-- The owner's cases by day opened, with the id: the owner's count and list from the index alone.
-- It supersedes case_file_owner_opened_ix (V1), its prefix.
create index case_file_owner_opened_id_ix on case_file (owner_organisation_id, opened_on, id);
drop index case_file_owner_opened_ix;
