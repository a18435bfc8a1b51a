package rs.astra.nrm.bench.floor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Stand-in for the portal's {@code Login}: the header's logout button needs an action to bind. */
@Named("login")
@RequestScoped
public class Login {

  /** Does nothing: the floor has no session to end. */
  public void logout() {}
}
