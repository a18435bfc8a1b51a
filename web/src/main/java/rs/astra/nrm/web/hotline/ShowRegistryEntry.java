package rs.astra.nrm.web.hotline;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import rs.astra.nrm.hotline.RegistryService;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * One entry of the registry (view parameter {@code entry}): every spelling met, every check naming
 * it, and the cases naming it that the user may read.
 */
@Named
@ViewScoped
public class ShowRegistryEntry implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RegistryService registry;
  @Inject private SignedInUser user;

  private String entry;
  private RegistryService.RegistryEntryView view;

  /** Loads the entry named by the view parameter; called by the page's view action. */
  public void load() {
    view =
        entry == null || !entry.matches("\\d{1,18}")
            ? null
            : registry.entry(user.viewer(), Long.parseLong(entry)).orElse(null);
  }

  /**
   * @return the entry, or {@code null} when none is chosen or the organisation has no such entry
   */
  public RegistryService.RegistryEntryView getView() {
    return view;
  }

  /**
   * @return the {@code entry} view parameter
   */
  public String getEntry() {
    return entry;
  }

  /**
   * @param entry the {@code entry} view parameter, digits only
   */
  public void setEntry(String entry) {
    this.entry = entry;
  }
}
