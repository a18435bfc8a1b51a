-- The owner's review of every emergency access (issue 18): a coordinator of the owning organisation
-- marks it justified or not justified, with a note; an access not reviewed within 3 working days
-- (Serbian public holidays excluded) is escalated to the organisation's data protection officer.
-- review_outcome is set once (the service updates it only while it is null).
alter table break_glass_access add column review_outcome varchar(20);
alter table break_glass_access add column review_note varchar(2000);
alter table break_glass_access add column reviewed_by bigint references portal_user (id);
alter table break_glass_access add column reviewed_at timestamp;
alter table break_glass_access add column escalated_at timestamp;
create index break_glass_review_ix on break_glass_access (review_outcome, escalated_at, opened_at);
