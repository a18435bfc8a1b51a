package rs.astra.nrm.web.organisation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import rs.astra.nrm.organisation.UserDirectory;

/**
 * The active organisations for the menus of one request: a case page offers them in three menus
 * (two consent forms and the support plan's providers), read once here instead of once per menu
 * (issue 16: a case page in few statements). Read again on the next request, so a change by an
 * administrator shows on the next page.
 */
@RequestScoped
public class ActiveOrganisations {

  @Inject private UserDirectory directory;

  private List<UserDirectory.OrganisationChoice> choices;

  /**
   * The active organisations, read at most once per request.
   *
   * @return ids and names ordered by name ({@link UserDirectory#organisations()})
   */
  public List<UserDirectory.OrganisationChoice> list() {
    if (choices == null) {
      choices = directory.organisations();
    }
    return choices;
  }
}
