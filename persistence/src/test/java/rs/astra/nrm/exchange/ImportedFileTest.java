package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;

/** The digest of an imported file is kept as the column and the query take it. */
class ImportedFileTest {

  @Test
  void theDigestIsStoredAsSixtyFourLowerCaseHexDigitsForTheImportersOrganisation()
      throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest("abc".getBytes(StandardCharsets.US_ASCII));
    Organisation ngo = new Organisation("NGO", OrganisationType.NGO, "Novi Sad");
    PortalUser coordinator =
        new PortalUser("coordinator", "Coordinator", ngo, PortalRole.NGO_COORDINATOR, null);
    ImportedFile file = new ImportedFile(coordinator, Instant.EPOCH, digest, 3);
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", file.getSha256());
    assertEquals(ImportedFile.hex(digest), file.getSha256());
    assertEquals(ngo, file.getOrganisation());
    assertEquals(3, file.getCaseCount());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ImportedFile(coordinator, Instant.EPOCH, new byte[20], 1));
  }
}
