package rs.astra.nrm.bench.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.demo.DemoDataSeeder;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.referral.ReferralState;

/**
 * What the benchmark relies on in the generated caseload, checked on 3,000 cases without a
 * database.
 */
class GeneratedCaseloadTest {

  private static final long SEED = 42;
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private final Directory directory = new Directory(SEED);

  @Test
  void theSameSeedGivesTheSameCase() {
    GeneratedCase a = new GeneratedCase(SEED, 1234, directory, TODAY);
    GeneratedCase b = new GeneratedCase(SEED, 1234, new Directory(SEED), TODAY);
    assertEquals(a.code, b.code);
    assertEquals(a.firstName, b.firstName);
    assertEquals(a.referrals, b.referrals);
    assertEquals(a.consents, b.consents);
    assertEquals(a.audit, b.audit);
    assertEquals(a.events, b.events);
  }

  @Test
  void everyCaseHasOneToFourReferralsAndTenAuditRecordsAndNothingLiesAfterToday() {
    for (int i = 0; i < 3000; i++) {
      GeneratedCase c = new GeneratedCase(SEED, i, directory, TODAY);
      assertTrue(
          c.referrals.size() >= 1 && c.referrals.size() <= GeneratedCase.REFERRALS_PER_CASE,
          c.code + " has " + c.referrals.size() + " referrals");
      assertEquals(GeneratedCase.AUDIT_PER_CASE, c.audit.size());
      assertTrue(!c.openedOn.isAfter(TODAY));
      c.referrals.forEach(
          r ->
              assertTrue(
                  !r.date().isAfter(TODAY) && r.to().id() != c.owner.id(),
                  c.code + ": referral to its owner or in the future"));
      assertTrue(
          c.events.size() < GeneratedCase.EVENTS_PER_CASE
              && c.proceedings.size() <= GeneratedCase.PROCEEDINGS_PER_CASE);
    }
  }

  @Test
  void idsNeverCollideAcrossCases() {
    Set<Long> calls = new HashSet<>();
    Set<Long> services = new HashSet<>();
    Set<Long> referrals = new HashSet<>();
    Set<Long> consents = new HashSet<>();
    Set<Long> events = new HashSet<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      GeneratedCase c = new GeneratedCase(SEED, i, directory, TODAY);
      assertTrue(codes.add(c.code), c.code);
      c.referrals.forEach(r -> assertTrue(referrals.add(r.id())));
      c.consents.forEach(k -> assertTrue(consents.add(k.id())));
      c.events.forEach(e -> assertTrue(events.add(e.id())));
      c.calls.forEach(k -> assertTrue(calls.add(k.id())));
      c.services.forEach(v -> assertTrue(services.add(v.id())));
    }
  }

  @Test
  void referralsConsentsAndStagesComeInEveryState() {
    Set<ReferralState> states = EnumSet.noneOf(ReferralState.class);
    Set<NrmStage> stages = EnumSet.noneOf(NrmStage.class);
    boolean active = false;
    boolean expired = false;
    boolean withdrawn = false;
    boolean notYetValid = false;
    boolean cyrillic = false;
    boolean foreign = false;
    int services = 0;
    int safetyPlans = 0;
    int assessments = 0;
    int treatments = 0;
    int calls = 0;
    int checks = 0;
    int flaggedChecks = 0;
    int callsOpeningCases = 0;
    for (int i = 0; i < 3000; i++) {
      GeneratedCase c = new GeneratedCase(SEED, i, directory, TODAY);
      stages.add(c.stage);
      c.referrals.forEach(r -> states.add(r.state()));
      for (GeneratedCase.Consent k : c.consents) {
        withdrawn |= k.withdrawnAt() != null;
        expired |=
            k.withdrawnAt() == null && k.validUntil() != null && k.validUntil().isBefore(TODAY);
        notYetValid |= k.givenOn().isAfter(TODAY);
        active |=
            k.withdrawnAt() == null
                && !k.givenOn().isAfter(TODAY)
                && (k.validUntil() == null || !k.validUntil().isBefore(TODAY));
      }
      cyrillic |=
          c.secondName != null
              && c.secondName
                  .codePoints()
                  .anyMatch(
                      cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC);
      foreign |= !"RS".equals(c.citizenship);
      services += c.services.size();
      safetyPlans += c.safetyPlan == null ? 0 : 1;
      assessments += c.assessments.size();
      treatments += c.treatments.size();
      calls += c.calls.size();
      for (GeneratedCase.Call k : c.calls) {
        checks += k.check() == null ? 0 : 1;
        flaggedChecks += k.check() != null && k.check().flagged() ? 1 : 0;
        callsOpeningCases += k.opensCase() ? 1 : 0;
        assertTrue(
            !k.calledAt()
                .isAfter(TODAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
            "a call in the future");
      }
    }
    assertEquals(EnumSet.allOf(ReferralState.class), states);
    assertTrue(
        services > 0 && safetyPlans > 0 && assessments > 0 && treatments > 0,
        "support plans, safety plans, assessments, treatments");
    assertTrue(
        calls > 0 && checks > 0 && flaggedChecks > 0 && callsOpeningCases > 0,
        "hotline calls, job-offer checks (some flagged), calls that opened a case");
    assertEquals(EnumSet.allOf(NrmStage.class), stages);
    assertTrue(
        active && expired && withdrawn && notYetValid,
        "consents active, expired, withdrawn and not yet valid");
    assertTrue(cyrillic && foreign, "names in Cyrillic and foreign persons");
  }

  @Test
  void theDemoOrganisationsAndUsersComeFirstThenThirtyOfEveryTypeAndThreeHundredUsers() {
    assertEquals(
        DemoDataSeeder.ORGANISATIONS.size() + 30 * OrganisationType.values().length,
        directory.organisations.size());
    for (int i = 0; i < DemoDataSeeder.USERS.size(); i++) {
      assertEquals(DemoDataSeeder.USERS.get(i).username(), directory.users.get(i).username());
      assertEquals(i + 1, directory.users.get(i).id());
    }
    assertEquals(Directory.USERS, directory.users.size());
    assertEquals(
        Directory.USERS, directory.users.stream().map(Directory.User::username).distinct().count());
    directory.organisations.forEach(
        o -> assertTrue(!directory.staff(o).isEmpty(), o.name() + " has nobody"));
  }

  @Test
  void generatedUsersLogInWithTheDemoPassword() {
    String encoded = DemoPasswordHash.of("demo", SEED);
    String[] parts = encoded.split(":");
    // The layout Payara's Pbkdf2PasswordHash verifies: algorithm, iterations, salt, key.
    assertEquals(4, parts.length);
    assertEquals("PBKDF2WithHmacSHA256", parts[0]);
    byte[] salt = java.util.Base64.getDecoder().decode(parts[2]);
    byte[] key = java.util.Base64.getDecoder().decode(parts[3]);
    assertTrue(
        java.util.Arrays.equals(
            key, DemoPasswordHash.key("demo", salt, Integer.parseInt(parts[1]))));
    assertTrue(
        !java.util.Arrays.equals(
            key, DemoPasswordHash.key("Demo", salt, Integer.parseInt(parts[1]))));
  }
}
