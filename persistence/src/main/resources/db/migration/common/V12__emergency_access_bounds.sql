-- Emergency access within bounds (issue 15): whether an access was opened for a threat to the
-- person's life or health (GDPR Art. 9(2)(c)), which the opener must confirm when the person has
-- withdrawn her consent for the organisation. The daily count per user is served by this index.
alter table break_glass_access add column vital_interest boolean default false not null;
create index break_glass_user_opened_ix on break_glass_access (user_id, opened_at);
