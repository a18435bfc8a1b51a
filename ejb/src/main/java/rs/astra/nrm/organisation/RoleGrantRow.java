package rs.astra.nrm.organisation;

import java.io.Serializable;
import java.time.Instant;

/**
 * A request for a second administrator ({@link RoleGrant}) as a page shows it: login names and role
 * codes, never a password or its hash.
 *
 * @param id the request's id
 * @param version its optimistic-lock version
 * @param kind a new user, another role or a new password
 * @param userId the user concerned
 * @param username her login name
 * @param organisation her organisation's name
 * @param previousRole her role when it was asked; {@code null} for a new user
 * @param requestedRole the role asked for (for a new password: her role)
 * @param requestedBy the login name of the administrator who asked
 * @param requestedAt when (UTC)
 * @param status where it stands
 * @param decidedBy the login name of who decided or withdrew it; {@code null} while pending
 * @param decidedAt when (UTC); {@code null} while pending
 * @param decidable whether the viewer may approve or reject it ({@link RoleGrant#mayBeDecidedBy})
 * @param yours whether the viewer asked for it (and may withdraw it while pending)
 */
public record RoleGrantRow(
    long id,
    long version,
    RoleGrant.Kind kind,
    long userId,
    String username,
    String organisation,
    PortalRole previousRole,
    PortalRole requestedRole,
    String requestedBy,
    Instant requestedAt,
    RoleGrant.Status status,
    String decidedBy,
    Instant decidedAt,
    boolean decidable,
    boolean yours)
    implements Serializable {

  /**
   * A request as one viewer sees it.
   *
   * @param g the request, with its user, her organisation and the requester loaded
   * @param viewerId the viewing user's id
   * @return the row
   */
  static RoleGrantRow of(RoleGrant g, long viewerId) {
    return new RoleGrantRow(
        g.getId(),
        g.getVersion(),
        g.getKind(),
        g.getUser().getId(),
        g.getUser().getUsername(),
        g.getUser().getOrganisation().getName(),
        g.getPreviousRole(),
        g.getRequestedRole(),
        g.getRequestedBy().getUsername(),
        g.getRequestedAt(),
        g.getStatus(),
        g.getDecidedBy() == null ? null : g.getDecidedBy().getUsername(),
        g.getDecidedAt(),
        g.mayBeDecidedBy(viewerId),
        g.getStatus() == RoleGrant.Status.PENDING && g.isRequestedBy(viewerId));
  }

  /**
   * @return whether it asks for another role (the row shows the role before and after)
   */
  public boolean changesRole() {
    return kind == RoleGrant.Kind.ROLE_CHANGE;
  }

  /**
   * @return when it last changed: decided, or else asked (UTC)
   */
  public Instant lastChange() {
    return decidedAt != null ? decidedAt : requestedAt;
  }
}
