package rs.astra.nrm.organisation;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who did something, as the records of a case name her: the user's display name and her
 * organisation, by id and by name. A value of the model, so that entities (the timeline's {@code
 * CaseEvent}) take one argument for the signed-in user instead of three loose ones; the services'
 * {@code Viewer} hands it out.
 *
 * @param displayName the user's display name
 * @param organisationId her organisation's id
 * @param organisationName its name at the time
 */
public record Actor(String displayName, long organisationId, String organisationName)
    implements Serializable {

  /**
   * @throws NullPointerException if a name is {@code null}
   */
  public Actor {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(organisationName, "organisationName");
  }
}
