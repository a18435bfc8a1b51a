package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rs.astra.nrm.audit.RequestId;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.ConsentService;
import rs.astra.nrm.consent.DataCategory;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralService;

/**
 * One load of a case's facts per page request (issue 16), and never a stale one: within a page
 * request the facts are loaded once and handed to every section; a write in the same request — in
 * an earlier transaction or in the same one, not yet flushed — makes the next read load them again,
 * so a withdrawn consent is refused at once. Outside a page request every read loads them. Uses the
 * organisations of {@link ConsentFixture}.
 */
@ExtendWith(ArquillianExtension.class)
class CaseAccessIT {

  @Deployment
  static WebArchive portal() {
    return Deployments.packagedPortal(ConsentFixture.class);
  }

  @Inject CaseAccess access;
  @Inject RequestId requestId;
  @Inject CaseFileService cases;
  @Inject ConsentService consents;
  @Inject ReferralService referrals;
  @Inject UserDirectory directory;

  @PersistenceContext(unitName = "nrm")
  EntityManager em;

  @Resource UserTransaction tx;

  private Viewer viewer(String username) throws Exception {
    ConsentFixture.ensure(em, tx);
    return directory.viewerFor(username).orElseThrow();
  }

  /**
   * A case of the fixture's NGO referred to its CSW on a consent for identity and contact; returns
   * {case, consent}.
   */
  private long[] referredCase(Viewer owner, String surname) throws Exception {
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Vesna", surname);
    long csw = ConsentFixture.organisation(em, "CP Social Work Centre").getId();
    long consentId =
        consents.give(
            owner,
            new ConsentService.NewConsentForm(
                caseId,
                csw,
                Purpose.SOCIAL_PROTECTION,
                EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT),
                LocalDate.now(ZoneId.of("Europe/Belgrade")),
                null,
                ConsentMethod.SIGNED_FORM,
                "signed at the shelter"));
    referrals.send(
        owner,
        caseId,
        csw,
        Purpose.SOCIAL_PROTECTION,
        EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT),
        "needs protection");
    return new long[] {caseId, consentId};
  }

  @Test
  void aPageRequestLoadsTheFactsOnceAndAnyOtherRequestEachTime() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    long caseId = referredCase(owner, "Once")[0];
    assertNotSame(
        access.facts(caseId).orElseThrow(),
        access.facts(caseId).orElseThrow(),
        "not a page request: loaded on every call");
    requestId.markPageView();
    assertSame(
        access.facts(caseId).orElseThrow(),
        access.facts(caseId).orElseThrow(),
        "a page request: loaded once");
  }

  @Test
  void aConsentWithdrawnEarlierInTheSameRequestIsRefusedAtOnce() throws Exception {
    requestId.markPageView();
    Viewer owner = viewer("cp.coordinator");
    Viewer csw = viewer("cp.csw1");
    long[] referred = referredCase(owner, "Samerequest");
    long caseId = referred[0];
    assertEquals(
        "Vesna",
        cases.find(csw, caseId).orElseThrow().identity().firstName(),
        "the recipient reads the case while the consent stands");

    long version = em.find(Consent.class, referred[1]).getVersion();
    assertEquals(1, consents.withdraw(owner, referred[1], version));
    assertTrue(
        cases.find(csw, caseId).isEmpty(),
        "withdrawn (its referral revoked) in this request: the case is gone for the recipient");
  }

  @Test
  void aConsentWithdrawnInTheSameTransactionAndNotYetFlushedIsRefused() throws Exception {
    requestId.markPageView();
    Viewer owner = viewer("cp.coordinator");
    Viewer csw = viewer("cp.csw1");
    long[] referred = referredCase(owner, "Sametransaction");
    long caseId = referred[0];
    tx.begin();
    try {
      assertEquals(
          "Vesna",
          cases.find(csw, caseId).orElseThrow().identity().firstName(),
          "the recipient reads the case while the consent stands");
      // A change in this transaction that nothing has sent to the database yet.
      em.find(Consent.class, referred[1])
          .withdraw(ConsentFixture.user(em, "cp.coordinator"), java.time.Instant.now());
      assertTrue(
          cases.find(csw, caseId).map(v -> v.identity() == null).orElse(true),
          "the consent withdrawn in this transaction, not yet flushed: the recipient no longer reads the identity");
    } finally {
      tx.rollback();
    }
  }
}
