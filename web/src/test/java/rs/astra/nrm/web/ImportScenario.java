package rs.astra.nrm.web;

import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.UserDirectory;

/**
 * A second NGO for import tests, so that what the tests import never changes the demo NGO's
 * caseload that other tests count.
 */
final class ImportScenario {

  static final String NGO = "Test NGO Novi Sad";
  static final String COORDINATOR = "test.coordinator";
  static final String CASEWORKER = "test.caseworker";

  private ImportScenario() {}

  /** Creates the test NGO and its two users once per server. */
  static void ensure(EntityManager em, UserTransaction tx, UserDirectory directory)
      throws Exception {
    if (directory.findOrganisationByName(NGO).isPresent()) {
      return;
    }
    tx.begin();
    Organisation ngo = new Organisation(NGO, OrganisationType.NGO, "Novi Sad");
    em.persist(ngo);
    em.persist(
        new PortalUser(COORDINATOR, "Test Coordinator", ngo, PortalRole.NGO_COORDINATOR, null));
    em.persist(new PortalUser(CASEWORKER, "Test Caseworker", ngo, PortalRole.NGO_CASEWORKER, null));
    tx.commit();
  }

  /** A CSV caseload with the HTCDS field-name header and the given data lines. */
  static byte[] csv(String... lines) {
    String header =
        "cas_CaseOwner,prs_FirstName,prs_SecondName,prs_Birthdate,vic_TypeOfExploitation,cas_Status,cas_ReferredOrganisation,cas_OutgoingReferralDate";
    return (header + "\n" + String.join("\n", lines) + "\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
