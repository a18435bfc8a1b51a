package rs.astra.nrm.bench.floor;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** Stand-in for the portal's {@code SignedInUser} in the page header: a fixed NGO caseworker. */
@Named("signedInUser")
@SessionScoped
public class SignedInUser implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * @return the display name
   */
  public String getDisplayName() {
    return "Jelena Petrović";
  }

  /**
   * @return the organisation's name
   */
  public String getOrganisationName() {
    return "ASTRA";
  }

  /**
   * @return the role name
   */
  public String getRoleName() {
    return "ngo-caseworker";
  }

  /**
   * @return {@code true}: a caseworker of an NGO
   */
  public boolean isCaseOwnerRole() {
    return true;
  }

  /**
   * @return {@code false}: a caseworker has no identification queue
   */
  public boolean isIdentificationDecider() {
    return false;
  }

  /**
   * @return {@code false}: a caseworker is no hotline operator
   */
  public boolean isHotlineUser() {
    return false;
  }

  /**
   * @return {@code true}: a caseworker reads case data
   */
  public boolean isReadsCaseData() {
    return true;
  }

  /**
   * @return {@code false}: caseworkers do not import
   */
  public boolean isMayImport() {
    return false;
  }
}
