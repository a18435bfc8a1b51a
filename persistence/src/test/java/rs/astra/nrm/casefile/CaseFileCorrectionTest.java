package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;

/**
 * Rectification of the case's own fields (GDPR Art. 16, issue 21): the same mechanism as the
 * person's — a value typed as text, checked for its form (dd.MM.yyyy days not in the future, HTCDS
 * picklist values, the columns' lengths), a refusal changing nothing. (That each field has the
 * category the HTCDS export gives it is checked by {@code CorrectableFieldCategoryTest}.)
 */
class CaseFileCorrectionTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  private static CaseFile caseFile() {
    Organisation ngo = new Organisation("NGO", OrganisationType.NGO, "Beograd");
    PortalUser cw = new PortalUser("cw", "Caseworker", ngo, PortalRole.NGO_CASEWORKER, null);
    CaseFile c =
        new CaseFile(
            "NRM-2026-K7QX-M4P2", cw, new Person(), TODAY, Instant.parse("2026-12-06T09:00:00Z"));
    c.recordRecruitment(EnumSet.of(MethodOfRecruitment.AtWork), "Novi Sad");
    c.recordExploitation(
        EnumSet.of(TypeOfExploitation.ForcedLabour),
        null,
        null,
        "Beč",
        EnumSet.of(MethodOfControl.DebtBondage));
    c.recordIncomingReferral("Centar za socijalni rad", LocalDate.of(2026, 11, 3), null, null, "x");
    c.recordRecruitmentParties("Agencija Posao", null);
    return c;
  }

  @Test
  void aFreeTextFieldIsCorrectedAndTheOthersAreKept() {
    CaseFile c = caseFile();
    c.correct(CorrectableField.LOCATION_OF_EXPLOITATION, "  Graz ", TODAY);
    assertEquals("Graz", c.valueOf(CorrectableField.LOCATION_OF_EXPLOITATION));
    assertEquals("Novi Sad", c.valueOf(CorrectableField.LOCATION_OF_RECRUITMENT));
    assertEquals("03.11.2026", c.valueOf(CorrectableField.INCOMING_REFERRAL_DATE));
    c.correct(CorrectableField.REFERRING_ORGANISATION, " ", TODAY);
    assertNull(c.getReferringOrganisation(), "blank text empties the field");
  }

  @Test
  void theIncomingReferralDateIsDdMmYyyyStrictlyAndNotInTheFuture() {
    CaseFile c = caseFile();
    c.correct(CorrectableField.INCOMING_REFERRAL_DATE, "06.12.2026", TODAY);
    assertEquals(TODAY, c.getIncomingReferralDate());
    for (String bad : new String[] {"07.12.2026", "31.11.2026", "2026-11-03", "3.11.2026"}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> c.correct(CorrectableField.INCOMING_REFERRAL_DATE, bad, TODAY),
          bad);
    }
    assertEquals(TODAY, c.getIncomingReferralDate(), "a refusal changes nothing");
  }

  @Test
  void aPicklistTakesHtcdsValueNamesInAnyCaseAndRefusesOthers() {
    CaseFile c = caseFile();
    c.correct(CorrectableField.METHODS_OF_CONTROL, "withholdsdocuments, DebtBondage", TODAY);
    assertEquals(
        Set.of(MethodOfControl.WithholdsDocuments, MethodOfControl.DebtBondage),
        c.getMethodsOfControl());
    assertEquals("DebtBondage, WithholdsDocuments", c.valueOf(CorrectableField.METHODS_OF_CONTROL));
    assertThrows(
        IllegalArgumentException.class,
        () -> c.correct(CorrectableField.METHODS_OF_CONTROL, "DebtBondage, Threats", TODAY));
    assertEquals(2, c.getMethodsOfControl().size(), "a refusal changes nothing");
    c.correct(CorrectableField.TYPE_OF_EXPLOITATION, "SexualExploitation;ForcedLabour", TODAY);
    assertEquals(
        Set.of(TypeOfExploitation.SexualExploitation, TypeOfExploitation.ForcedLabour),
        c.getTypeOfExploitation());
    c.correct(CorrectableField.METHOD_OF_RECRUITMENT, "", TODAY);
    assertTrue(c.getMethodOfRecruitment().isEmpty());
    assertNull(c.valueOf(CorrectableField.METHOD_OF_RECRUITMENT));
    ReferralReason any = ReferralReason.values()[0];
    c.correct(CorrectableField.REASON_FOR_INCOMING_REFERRAL, any.name(), TODAY);
    assertEquals(any, c.getReasonForIncomingReferral());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            c.correct(
                CorrectableField.FORCED_LABOUR_INDUSTRY,
                ForcedLabourIndustry.values()[0].name() + ", " + ForcedLabourIndustry.values()[1],
                TODAY),
        "a single-value picklist takes one value");
    assertThrows(
        IllegalArgumentException.class,
        () -> c.correct(CorrectableField.REASON_FOR_INCOMING_REFERRAL, " , ; ", TODAY),
        "separators only are no value (blank text empties the field)");
    assertEquals(any, c.getReasonForIncomingReferral());
  }

  @Test
  void lengthsAreTheColumnsAndTheRecruiterKeepsItsRegistryKey() {
    CaseFile c = caseFile();
    c.correct(CorrectableField.INCOMING_REFERRAL_DETAILS, "d".repeat(4000), TODAY);
    assertThrows(
        IllegalArgumentException.class,
        () -> c.correct(CorrectableField.INCOMING_REFERRAL_DETAILS, "d".repeat(4001), TODAY));
    assertThrows(
        IllegalArgumentException.class,
        () -> c.correct(CorrectableField.LOCATION_OF_RECRUITMENT, "x".repeat(256), TODAY));
    assertEquals("Novi Sad", c.getLocationOfRecruitment());
    c.correct(CorrectableField.RECRUITER_NAME, "Agencija Posao Plus", TODAY);
    assertEquals("Agencija Posao Plus", c.getRecruiterName());
    c.correct(CorrectableField.EMPLOYER_NAME, "Firma d.o.o.", TODAY);
    assertEquals("Agencija Posao Plus", c.getRecruiterName(), "the other party is kept");
    assertEquals("Firma d.o.o.", c.getEmployerName());
  }

  @Test
  void eachKindOfRecordCorrectsOnlyItsOwnFields() {
    CaseFile c = caseFile();
    assertThrows(
        IllegalArgumentException.class, () -> c.correct(CorrectableField.FIRST_NAME, "Ana", TODAY));
    assertThrows(IllegalArgumentException.class, () -> c.valueOf(CorrectableField.EMAIL));
    Person p = new Person();
    assertThrows(
        IllegalArgumentException.class,
        () -> p.correct(CorrectableField.LOCATION_OF_EXPLOITATION, "Beč", TODAY));
    assertFalse(CorrectableField.EMAIL.isOfCase());
    assertTrue(CorrectableField.RECRUITER_NAME.isOfCase());
  }
}
