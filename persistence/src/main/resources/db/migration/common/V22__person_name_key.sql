-- The case list's name filter crosses scripts and word order (issue 19): it matches the match key
-- of the typed text against this key of the person's names (Person.nameKeyOf: "Милица Јовановић"
-- is "milica jovanovic milica"), not the names as written. V22_1 fills it for existing persons
-- (a Java migration: the key is computed in Java), V22_2 indexes it.
alter table person add column name_key varchar(767);
