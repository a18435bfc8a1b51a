package rs.astra.nrm.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import rs.astra.nrm.organisation.AdministrationLog;
import rs.astra.nrm.organisation.AdministrativeAct;
import rs.astra.nrm.organisation.Viewer;

/**
 * The organisation context's administrative acts, written to the activity record ({@link
 * ActivityRecord}) through {@link AuditTrail#recordActivity} in the caller's transaction. It lets
 * organisation record its acts without depending on audit (issue 16, no cycles between bounded
 * contexts).
 */
@ApplicationScoped
public class AdministrationActivityLog implements AdministrationLog {

  @Inject private AuditTrail audit;

  @Override
  public void record(
      Viewer viewer, Instant at, AdministrativeAct act, Long subjectId, String detail) {
    audit.recordActivity(viewer, at, kind(act), null, subjectId, detail, null);
  }

  /**
   * The activity record's kind of an act: the one of the same name.
   *
   * @param act the act
   * @return its kind
   */
  static ActivityRecord.Kind kind(AdministrativeAct act) {
    return switch (act) {
      case ORGANISATION_CREATED -> ActivityRecord.Kind.ORGANISATION_CREATED;
      case ORGANISATION_RENAMED -> ActivityRecord.Kind.ORGANISATION_RENAMED;
      case ORGANISATION_TYPE_CHANGED -> ActivityRecord.Kind.ORGANISATION_TYPE_CHANGED;
      case ORGANISATION_DEACTIVATED -> ActivityRecord.Kind.ORGANISATION_DEACTIVATED;
      case ORGANISATION_REACTIVATED -> ActivityRecord.Kind.ORGANISATION_REACTIVATED;
      case USER_CREATED -> ActivityRecord.Kind.USER_CREATED;
      case USER_ROLE_CHANGED -> ActivityRecord.Kind.USER_ROLE_CHANGED;
      case USER_DEACTIVATED -> ActivityRecord.Kind.USER_DEACTIVATED;
      case USER_REACTIVATED -> ActivityRecord.Kind.USER_REACTIVATED;
      case USER_PASSWORD_SET -> ActivityRecord.Kind.USER_PASSWORD_SET;
      case LOGIN_LOCKED -> ActivityRecord.Kind.LOGIN_LOCKED;
      case LOGIN_UNLOCKED -> ActivityRecord.Kind.LOGIN_UNLOCKED;
      case ROLE_GRANT_REQUESTED -> ActivityRecord.Kind.ROLE_GRANT_REQUESTED;
      case ROLE_GRANT_APPROVED -> ActivityRecord.Kind.ROLE_GRANT_APPROVED;
      case ROLE_GRANT_REJECTED -> ActivityRecord.Kind.ROLE_GRANT_REJECTED;
      case ROLE_GRANT_CANCELLED -> ActivityRecord.Kind.ROLE_GRANT_CANCELLED;
    };
  }
}
