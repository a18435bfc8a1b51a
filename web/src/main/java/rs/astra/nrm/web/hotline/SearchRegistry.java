package rs.astra.nrm.web.hotline;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.hotline.RegistryService;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * Searching the registry of employers and agencies by name, in any script or spelling; without a
 * query it lists the latest entries. The query can come as the {@code q} view parameter.
 */
@Named
@ViewScoped
public class SearchRegistry implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Most entries listed at once. */
  private static final int MAX = 100;

  @Inject private RegistryService registry;
  @Inject private SignedInUser user;

  private String query;
  private List<RegistryService.RegistryRow> results;

  /** Runs the search with the current query. */
  public void search() {
    results = registry.search(user.viewer(), query, MAX);
  }

  /**
   * @return the entries found (the latest ones before any search)
   */
  public List<RegistryService.RegistryRow> getResults() {
    if (results == null) {
      search();
    }
    return results;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
