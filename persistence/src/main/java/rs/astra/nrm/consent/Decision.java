package rs.astra.nrm.consent;

import java.io.Serializable;
import java.util.Objects;

/**
 * The answer of the access policy ({@code AccessPolicy}, ejb module): permit or deny, and why. A
 * value of the consent model (persistence module, like {@link AccessBasis}), so that the audit
 * trail, which stores its parts, need not depend on the consent services (issue 16).
 *
 * @param permitted whether the action is permitted
 * @param basis on what ground ({@link AccessBasis#NONE} when denied)
 * @param basisRef the consent id, emergency-access id or legal-basis code behind the permit; {@code
 *     null} for the owner and for a deny
 * @param scope which records of the category a permit covers
 * @param denyReason why it was denied; {@code null} for a permit
 */
public record Decision(
    boolean permitted, AccessBasis basis, String basisRef, Scope scope, DenyReason denyReason)
    implements Serializable {

  /** Which records of a category a permit covers. */
  public enum Scope {
    /** All records of the category. */
    ALL_RECORDS,
    /** Only records that the user's organisation created itself. */
    OWN_RECORDS,
    /** None (a deny). */
    NONE
  }

  /**
   * @throws NullPointerException if basis or scope is {@code null}
   */
  public Decision {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(scope, "scope");
  }

  /**
   * A permit.
   *
   * @param basis the ground
   * @param basisRef consent id, emergency-access id or legal-basis code; {@code null} for OWNER
   * @param scope the records covered
   * @return the decision
   */
  public static Decision permit(AccessBasis basis, String basisRef, Scope scope) {
    return new Decision(true, basis, basisRef, scope, null);
  }

  /**
   * A deny.
   *
   * @param reason why
   * @return the decision
   */
  public static Decision deny(DenyReason reason) {
    return new Decision(
        false, AccessBasis.NONE, null, Scope.NONE, Objects.requireNonNull(reason, "reason"));
  }
}
