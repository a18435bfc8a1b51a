package rs.astra.nrm.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralState;

/**
 * {@link AccessEnforcer#requireEach} leaves the audit trail exactly what asking each category in
 * turn left (issue 16 writes a section's records together): the same records in the same order, the
 * same permits, the same refusal — for owners, recipients of every kind of referral and strangers.
 */
class RequireEachTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final long OWNER = 1;
  private static final long RECIPIENT = 2;

  /** Keeps each call's records instead of writing them. */
  static final class Calls extends AuditTrail {
    final List<List<AuditTrail.Entry>> calls = new ArrayList<>();

    @Override
    public void record(Viewer viewer, Instant at, List<AuditTrail.Entry> entries) {
      calls.add(List.copyOf(entries));
    }

    List<AuditTrail.Entry> all() {
      return calls.stream().flatMap(List::stream).toList();
    }
  }

  /** What one way of asking did: its records, its permits and the refusal it ended with. */
  record Outcome(List<AuditTrail.Entry> records, List<DataCategory> permits, String refusal) {}

  private static AccessEnforcer enforcer(Calls audit) throws ReflectiveOperationException {
    AccessEnforcer e = new AccessEnforcer();
    set(e, "policy", new AccessPolicy());
    set(e, "audit", audit);
    return e;
  }

  private static void set(Object target, String field, Object value)
      throws ReflectiveOperationException {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  private static Outcome oneByOne(Viewer v, CaseFacts f, List<DataCategory> asked)
      throws ReflectiveOperationException {
    Calls audit = new Calls();
    AccessEnforcer e = enforcer(audit);
    List<DataCategory> permits = new ArrayList<>();
    try {
      for (DataCategory c : asked) {
        e.require(v, f, c, AccessAction.READ, NOW);
        permits.add(c);
      }
      return new Outcome(audit.all(), permits, null);
    } catch (AccessDeniedException denied) {
      return new Outcome(audit.all(), permits, denied.getMessage());
    }
  }

  private static Outcome together(Viewer v, CaseFacts f, List<DataCategory> asked, Calls audit)
      throws ReflectiveOperationException {
    AccessEnforcer e = enforcer(audit);
    try {
      List<DataCategory> permits =
          List.copyOf(e.requireEach(v, f, asked, AccessAction.READ, NOW).keySet());
      return new Outcome(audit.all(), permits, null);
    } catch (AccessDeniedException denied) {
      return new Outcome(audit.all(), List.of(), denied.getMessage());
    }
  }

  @Test
  void theRecordsAreThoseOfAskingEachCategoryInTurnAndGoInOneCall() throws Exception {
    List<List<DataCategory>> orders =
        List.of(
            List.of(DataCategory.HEALTH, DataCategory.SOCIAL),
            List.of(DataCategory.SOCIAL, DataCategory.HEALTH),
            List.of(DataCategory.HEALTH),
            List.of(DataCategory.LEGAL_PROCEEDINGS, DataCategory.SOCIAL));
    List<Set<DataCategory>> referred =
        List.of(
            Set.of(),
            Set.of(DataCategory.HEALTH),
            Set.of(DataCategory.SOCIAL),
            Set.of(DataCategory.HEALTH, DataCategory.SOCIAL));
    int mixed = 0;
    int compared = 0;
    for (PortalRole role : PortalRole.values()) {
      for (OrganisationType type : OrganisationType.values()) {
        for (long organisation : new long[] {OWNER, RECIPIENT, 3}) {
          Viewer v = new Viewer(7, "u", "User", organisation, "Org", type, role);
          for (Purpose purpose : Purpose.values()) {
            for (Set<DataCategory> categories : referred) {
              CaseFacts f =
                  new CaseFacts(
                      10,
                      20,
                      OWNER,
                      List.of(
                          new CaseFacts.ReferralFact(
                              5, RECIPIENT, ReferralState.ACCEPTED, purpose, categories)),
                      List.of(),
                      List.of(),
                      false,
                      false,
                      false);
              for (List<DataCategory> asked : orders) {
                Outcome expected = oneByOne(v, f, asked);
                Calls audit = new Calls();
                Outcome actual = together(v, f, asked, audit);
                assertEquals(expected.records(), actual.records(), v + " " + f + " " + asked);
                assertEquals(expected.refusal(), actual.refusal(), v + " " + f + " " + asked);
                if (expected.refusal() == null) {
                  assertEquals(expected.permits(), actual.permits(), v + " " + f + " " + asked);
                } else if (!expected.permits().isEmpty()) {
                  mixed++;
                }
                assertTrue(audit.calls.size() <= 1, "one write for the section: " + audit.calls);
                compared++;
              }
            }
          }
        }
      }
    }
    assertTrue(compared > 1000, "compared " + compared);
    assertTrue(mixed > 0, "some viewer is permitted one category and refused the next");
  }
}
