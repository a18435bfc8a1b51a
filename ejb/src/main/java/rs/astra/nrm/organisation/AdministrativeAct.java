package rs.astra.nrm.organisation;

/**
 * What an administrator (or the login guard) did to an organisation or a user, as the activity
 * record names it. Each constant is recorded as the activity record's kind of the same name ({@code
 * rs.astra.nrm.audit.ActivityRecord.Kind}); the audit context maps them in an exhaustive switch, so
 * the compiler checks that every act has its kind (issue 16: organisation does not depend on
 * audit).
 */
public enum AdministrativeAct {
  /** An organisation was created; the detail is its type. */
  ORGANISATION_CREATED,
  /** An organisation was renamed. */
  ORGANISATION_RENAMED,
  /** An organisation's type was changed; the detail is the old and new type. */
  ORGANISATION_TYPE_CHANGED,
  /** An organisation was deactivated. */
  ORGANISATION_DEACTIVATED,
  /** An organisation was reactivated. */
  ORGANISATION_REACTIVATED,
  /** A user was created; the detail is her role and organisation id. */
  USER_CREATED,
  /** A user's role changed; the detail is the old and new role. */
  USER_ROLE_CHANGED,
  /** A user was deactivated. */
  USER_DEACTIVATED,
  /** A user was reactivated. */
  USER_REACTIVATED,
  /** An administrator set a new password for a user (never the password itself). */
  USER_PASSWORD_SET,
  /** A user's form login was locked after repeated wrong passwords. */
  LOGIN_LOCKED,
  /** An administrator lifted a user's login lock. */
  LOGIN_UNLOCKED,
  /**
   * An administrator asked for a grant that needs a second administrator ({@link RoleGrant}): a new
   * user's role, another role or a new password; the detail is the kind, role names and the
   * organisation's id.
   */
  ROLE_GRANT_REQUESTED,
  /** A second administrator approved a grant and it was carried out. */
  ROLE_GRANT_APPROVED,
  /** A second administrator rejected a grant; nothing changed. */
  ROLE_GRANT_REJECTED,
  /** A grant was withdrawn, or replaced by a newer request for the same user; nothing changed. */
  ROLE_GRANT_CANCELLED
}
