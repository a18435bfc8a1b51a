package rs.astra.nrm.hotline;

import java.util.EnumSet;
import java.util.Set;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;

/**
 * Who may use the SOS hotline: the staff of an NGO (the organisation that keeps the hotline) in the
 * roles NGO caseworker, NGO coordinator and hotline operator. Everybody else (other institutions,
 * administrators, data protection officers) sees nothing of the hotline's records; a call linked to
 * a case reaches them only through the case's consent policy.
 */
public final class HotlineUsers {

  /** The roles that use the hotline. */
  public static final Set<PortalRole> ROLES =
      EnumSet.of(
          PortalRole.NGO_CASEWORKER, PortalRole.NGO_COORDINATOR, PortalRole.HOTLINE_OPERATOR);

  private HotlineUsers() {}

  /**
   * Whether the viewer uses the hotline.
   *
   * @param viewer who asks
   * @return {@code true} for the staff of an NGO in a hotline role
   */
  public static boolean isHotlineUser(Viewer viewer) {
    return viewer.organisationType() == OrganisationType.NGO && ROLES.contains(viewer.role());
  }

  /**
   * Refuses anybody who does not use the hotline.
   *
   * @param viewer who asks
   * @throws NotPermittedException for other roles and organisations
   */
  public static void require(Viewer viewer) {
    if (!isHotlineUser(viewer)) {
      throw new NotPermittedException("use the SOS hotline");
    }
  }
}
