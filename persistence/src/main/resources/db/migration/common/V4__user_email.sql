-- The e-mail address of a user, as single sign-on reports it (OpenID Connect claim "email").
alter table portal_user add column email varchar(255);
