package rs.astra.nrm.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralState;

/**
 * Runs the access matrix, {@code access-matrix.csv} next to this class in the test resources: one
 * row per scenario, in words a caseworker or a data-protection officer can review, with the
 * decision the {@link AccessPolicy} must give. Each row becomes one test, named after its row
 * number and its note; a last test checks that every data row of the file was run.
 *
 * <p>The world every row lives in:
 *
 * <ul>
 *   <li>"Today" is 30 November 2026, 12:00 in Europe/Belgrade ({@link #NOW}).
 *   <li>The case is owned by an NGO. {@code relation} says where the user stands: {@code owner} and
 *       {@code administrator-of-owner} are users of that NGO; {@code recipient} is a user of an
 *       organisation the case is referred to ({@code referral_state}, {@code purpose}, {@code
 *       referral_categories} describe that referral); {@code other-organisation} is a user of an
 *       organisation that has no referral, while the referral of the row (if any) goes to some
 *       other organisation. For owners, the referral of the row goes to another organisation too.
 *       After a transfer of the case (issue 19): {@code new-owner-after-transfer} is a user of the
 *       organisation that accepted it, which owns the case now (of any kind: a centre for social
 *       work takes over a child's case), its referral of the row going to another organisation;
 *       {@code former-owner-after-transfer} is a user of the NGO that owned it before, and the
 *       referral of the row (if any) is the new owner's referral back to that NGO. The policy knows
 *       only the owner of today, so these rows prove that ownership alone moves access.
 *   <li>{@code purpose} is the purpose of the referral and of the consent; {@code -} when there is
 *       neither, {@code imported-without-purpose} for an imported historic referral.
 *   <li>{@code consent} is the consent of the data subject to the referral's recipient for the
 *       purpose, covering {@code consent_categories}: {@code none}, {@code active} (given a month
 *       ago, valid a year), {@code expired-yesterday}, {@code expires-today} (last day today: still
 *       valid), {@code withdrawn} (yesterday), {@code not-yet-valid} (starts tomorrow), {@code
 *       other-purpose} (for LEGAL_AID, or REINTEGRATION when the referral is for legal aid), {@code
 *       other-category} (its categories must not include the row's category), {@code
 *       other-recipient} (to a third organisation), {@code other-person} (it belongs to another
 *       person's case, so this case has none) and {@code renewed-after-withdrawal} (a withdrawn
 *       consent and a newer active one; the newer one must be the basis).
 *   <li>{@code break_glass}: {@code none}; {@code valid} (opened an hour ago through {@link
 *       AccessPolicy#decideEmergencyAccess}, when the referral was live, then recorded); {@code
 *       valid-other-category} (the same, for HEALTH, or for CONTACT when the row asks for HEALTH);
 *       {@code expired} (ended a minute ago); {@code opened-by-colleague} (current, opened by
 *       another user of the same organisation); {@code too-short-reason} (opening with a
 *       10-character reason must be refused with REASON_TOO_SHORT, and nothing is recorded); {@code
 *       non-referred-case} (opening must be refused with NOT_REFERRED, and nothing is recorded);
 *       and, only with the action {@code open-emergency-access}: {@code with-reason} (a proper
 *       reason), {@code too-short-reason}, {@code no-break-space-reason} (25 U+00A0), {@code
 *       zero-width-reason} (a short word padded with 25 U+200B), {@code repeated-reason} (25 "x"),
 *       {@code placeholder-reason} ("test test …"), {@code with-vital-interest} (a proper reason
 *       and the confirmed threat to life or health, GDPR Art. 9(2)(c)), {@code already-open} (the
 *       user has an open one to the category), {@code expired-one-before} (hers ended a minute
 *       ago), {@code daily-limit-reached} / {@code one-below-daily-limit} (3 or 2 opened today, the
 *       limit being 3) and {@code closed-case} (the case is closed).
 *   <li>{@code case_state}: {@code open}, {@code restricted} (processing restricted, GDPR Art. 18;
 *       issue 21: the referral, consent and emergency access of the row were made before), or
 *       {@code anonymised} (the case was anonymised by the retention schedule or an erasure on
 *       request, issue 21: read-only), or {@code merged} (merged into another case, issue 19: an
 *       empty shell on which nothing is read or done).
 *   <li>{@code action} is READ, UPDATE or EXPORT for {@link AccessPolicy#decide}, {@code
 *       open-emergency-access} for {@link AccessPolicy#decideEmergencyAccess}, or {@code
 *       read-own-document} / {@code read-others-document} for the download of a case document
 *       uploaded by the user's organisation or by another ({@link AccessPolicy#decide} for READ,
 *       then {@link AccessPolicy#forRecord}; an upload is an UPDATE row), or {@code
 *       prepare-access-report} for {@link AccessPolicy#decideAccessReportByOfficer} (a data
 *       protection officer prepares the access report; for the relation {@code
 *       former-owner-after-transfer} her organisation handed the case over: scope OWN_RECORDS is
 *       the period it owned the case).
 *   <li>Expectations: {@code expected} PERMIT or DENY; {@code expected_basis} OWNER,
 *       LEGAL_BASIS:&lt;rule code of {@link LegalBasisTable}&gt;, CONSENT, BREAK_GLASS or NONE (for
 *       a CONSENT or BREAK_GLASS permit the test also checks that the decision names the consent or
 *       emergency access that granted it); {@code expected_scope} ALL_RECORDS, OWN_RECORDS or empty
 *       for a deny; {@code expected_reason} a {@link DenyReason} or empty for a permit.
 * </ul>
 *
 * <p>To add a row: append a line to the CSV (or insert it in its block; lines starting with {@code
 * #} are headings), fill every column with the words above, write the decision you expect from the
 * rule in {@link AccessPolicy}'s Javadoc, not from what the code answers, and explain the row in
 * {@code note} in plain words. A row that cannot happen (e.g. a {@code valid} emergency access that
 * could not have been opened) fails with a message that says why.
 */
class AccessMatrixTest {

  private static final String MATRIX = "access-matrix.csv";

  /** "Today" of every row: 30 November 2026, noon in Belgrade. */
  static final Instant NOW =
      ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, AccessPolicy.ZONE).toInstant();

  static final LocalDate TODAY = NOW.atZone(AccessPolicy.ZONE).toLocalDate();

  private static final long OWNER_ORG = 1;
  private static final long USER_ORG = 2;
  private static final long OTHER_ORG = 3;
  private static final long THIRD_ORG = 4;
  private static final long USER_ID = 10;
  private static final long COLLEAGUE_ID = 11;
  private static final long CASE_ID = 1000;
  private static final long PERSON_ID = 500;
  private static final long REFERRAL_ID = 101;
  private static final long CONSENT_ID = 201;
  private static final long RENEWED_CONSENT_ID = 202;
  private static final long BREAK_GLASS_ID = 301;

  private static final String PROPER_REASON =
      "Victim collapsed at the shelter; the ambulance needs her medical history.";
  private static final String SHORT_REASON = "too short!";

  /** The daily limit of emergency accesses per user in the rows (nrm.emergency.perUserPerDay). */
  private static final int DAILY_LIMIT = 3;

  static {
    if (SHORT_REASON.length() != 10
        || BreakGlassAccess.isAcceptableReason(SHORT_REASON)
        || !BreakGlassAccess.isAcceptableReason(PROPER_REASON)) {
      throw new AssertionError("the emergency-access reasons no longer fit the rule");
    }
  }

  private final AccessPolicy policy = new AccessPolicy();

  @TestFactory
  Stream<DynamicTest> everyRowOfTheAccessMatrixGetsTheDecisionItExpects() {
    List<Row> rows = readRows();
    long dataLines = countDataLines();
    AtomicInteger run = new AtomicInteger();
    Stream<DynamicTest> rowTests =
        rows.stream()
            .map(
                row ->
                    dynamicTest(
                        "row " + row.number() + ": " + row.get("note"),
                        () -> {
                          run.incrementAndGet();
                          check(row);
                        }));
    DynamicTest allRun =
        dynamicTest(
            "every data row of the matrix file was run",
            () -> {
              System.out.println("Access matrix: " + run.get() + " rows run");
              assertEquals(dataLines, run.get(), "data lines in " + MATRIX + " vs rows run");
            });
    return Stream.concat(rowTests, Stream.of(allRun));
  }

  private void check(Row row) {
    Scenario s = scenario(row);
    Decision actual;
    Decision expected;
    if (row.get("action").equals("open-emergency-access")) {
      CaseFacts facts = s.facts();
      String reason = PROPER_REASON;
      boolean vitalInterest = false;
      long openedToday = 0;
      switch (row.get("break_glass")) {
        case "with-reason" -> {}
        case "too-short-reason" -> reason = SHORT_REASON;
        case "no-break-space-reason" -> reason = "\u00A0".repeat(25);
        case "zero-width-reason" -> reason = "Help" + "\u200B".repeat(25) + "now";
        case "repeated-reason" -> reason = "x".repeat(25);
        case "placeholder-reason" -> reason = "test test test test test test";
        case "with-vital-interest" -> vitalInterest = true;
        case "already-open" ->
            facts =
                new CaseFacts(
                    CASE_ID,
                    PERSON_ID,
                    OWNER_ORG,
                    facts.referrals(),
                    facts.consents(),
                    List.of(
                        new CaseFacts.BreakGlassFact(
                            BREAK_GLASS_ID, USER_ID, s.category(), NOW.plus(Duration.ofHours(2)))),
                    false);
        case "expired-one-before" ->
            facts =
                new CaseFacts(
                    CASE_ID,
                    PERSON_ID,
                    OWNER_ORG,
                    facts.referrals(),
                    facts.consents(),
                    List.of(
                        new CaseFacts.BreakGlassFact(
                            BREAK_GLASS_ID,
                            USER_ID,
                            s.category(),
                            NOW.minus(Duration.ofMinutes(1)))),
                    false);
        case "daily-limit-reached" -> openedToday = DAILY_LIMIT;
        case "one-below-daily-limit" -> openedToday = DAILY_LIMIT - 1;
        case "closed-case" ->
            facts =
                new CaseFacts(
                    CASE_ID,
                    PERSON_ID,
                    OWNER_ORG,
                    facts.referrals(),
                    facts.consents(),
                    facts.breakGlass(),
                    true);
        default ->
            throw new IllegalArgumentException(
                "unknown break_glass for open-emergency-access: " + row.get("break_glass"));
      }
      actual =
          policy.decideEmergencyAccess(
              s.viewer(),
              facts,
              s.category(),
              new AccessPolicy.EmergencyRequest(reason, vitalInterest, openedToday, DAILY_LIMIT),
              NOW);
      expected =
          expectedDecision(
              row,
              null,
              vitalInterest && row.get("expected").equals("PERMIT")
                  ? AccessPolicy.VITAL_INTEREST
                  : null);
    } else if (row.get("action").equals("prepare-access-report")) {
      // The data-subject access report by a data protection officer (issue 19): the owner's, or a
      // former owner's (the row's relation former-owner-after-transfer) for its own period.
      Set<Long> formerOwners =
          row.get("relation").equals("former-owner-after-transfer")
              ? Set.of(s.viewer().organisationId())
              : Set.of();
      actual = policy.decideAccessReportByOfficer(s.viewer(), s.facts(), formerOwners);
      expected = expectedDecision(row, null, null);
    } else if (row.get("action").endsWith("-document")) {
      // A case document (issue 17): READ of its category, then the own-records rule for that one
      // document, uploaded by the user's organisation or by another (the owner, or for the owner
      // a recipient).
      long viewerOrg = s.viewer().organisationId();
      long uploader =
          switch (row.get("action")) {
            case "read-own-document" -> viewerOrg;
            case "read-others-document" -> viewerOrg == OWNER_ORG ? OTHER_ORG : OWNER_ORG;
            default -> throw new IllegalArgumentException("unknown action: " + row.get("action"));
          };
      actual =
          AccessPolicy.forRecord(
              policy.decide(s.viewer(), s.facts(), s.category(), AccessAction.READ, NOW),
              uploader,
              s.viewer());
      expected = expectedDecision(row, s.grantingConsentRef(), s.breakGlassRef());
    } else {
      actual =
          policy.decide(
              s.viewer(), s.facts(), s.category(), AccessAction.valueOf(row.get("action")), NOW);
      expected = expectedDecision(row, s.grantingConsentRef(), s.breakGlassRef());
    }
    String context = row.describe();
    assertEquals(expected, actual, context);
  }

  /**
   * The decision a row expects; the basis reference is the consent or emergency access of the
   * scenario.
   */
  private static Decision expectedDecision(Row row, String consentRef, String breakGlassRef) {
    String basisText = row.get("expected_basis");
    String reasonText = row.get("expected_reason");
    String scopeText = row.get("expected_scope");
    boolean permit =
        switch (row.get("expected")) {
          case "PERMIT" -> true;
          case "DENY" -> false;
          default ->
              throw new IllegalArgumentException(
                  "expected must be PERMIT or DENY: " + row.get("expected"));
        };
    if (!permit) {
      if (!basisText.equals("NONE") || !scopeText.isEmpty() || reasonText.isEmpty()) {
        throw new IllegalArgumentException("a DENY row has basis NONE, no scope and a reason");
      }
      return Decision.deny(DenyReason.valueOf(reasonText));
    }
    if (!reasonText.isEmpty()) {
      throw new IllegalArgumentException("a PERMIT row has no deny reason");
    }
    Decision.Scope scope = Decision.Scope.valueOf(scopeText);
    String[] basisAndCode = basisText.split(":", 2);
    AccessBasis basis = AccessBasis.valueOf(basisAndCode[0]);
    String ref =
        switch (basis) {
          case LEGAL_BASIS -> {
            if (basisAndCode.length != 2 || LegalBasisTable.byCode(basisAndCode[1]).isEmpty()) {
              throw new IllegalArgumentException(
                  "LEGAL_BASIS needs a rule code of the LegalBasisTable: " + basisText);
            }
            yield basisAndCode[1];
          }
          case CONSENT -> {
            if (consentRef == null) {
              throw new IllegalArgumentException(
                  "a CONSENT permit needs a consent that could grant it");
            }
            yield consentRef;
          }
          case BREAK_GLASS -> breakGlassRef;
          default -> null;
        };
    return Decision.permit(basis, ref, scope);
  }

  /** Viewer, case facts and category of one row, and the ids of the facts that could grant it. */
  private record Scenario(
      Viewer viewer,
      CaseFacts facts,
      DataCategory category,
      String grantingConsentRef,
      String breakGlassRef) {}

  private Scenario scenario(Row row) {
    PortalRole role =
        PortalRole.fromRoleName(row.get("who"))
            .orElseThrow(() -> new IllegalArgumentException("unknown role: " + row.get("who")));
    OrganisationType type = OrganisationType.valueOf(row.get("org_type"));
    DataCategory category = DataCategory.valueOf(row.get("category"));
    String relation = row.get("relation");
    long organisation =
        switch (relation) {
          case "owner" -> {
            if (role.readsNoCaseData()) {
              throw new IllegalArgumentException(
                  "an administrator or DPO of the owner is relation administrator-of-owner");
            }
            yield OWNER_ORG;
          }
          case "administrator-of-owner" -> {
            if (!role.readsNoCaseData()) {
              throw new IllegalArgumentException("administrator-of-owner needs who = admin or dpo");
            }
            yield OWNER_ORG;
          }
          case "new-owner-after-transfer" -> {
            if (role.readsNoCaseData()) {
              throw new IllegalArgumentException("the new owner's user reads case data");
            }
            yield OWNER_ORG;
          }
          case "former-owner-after-transfer" -> {
            if (type != OrganisationType.NGO) {
              throw new IllegalArgumentException("the former owner is an NGO");
            }
            yield USER_ORG;
          }
          case "recipient", "other-organisation" -> USER_ORG;
          default -> throw new IllegalArgumentException("unknown relation: " + relation);
        };
    if (organisation == OWNER_ORG
        && type != OrganisationType.NGO
        && !relation.equals("new-owner-after-transfer")) {
      throw new IllegalArgumentException("the owning organisation is an NGO");
    }
    Viewer viewer =
        new Viewer(
            USER_ID, "user", "Test User", organisation, "Organisation " + organisation, type, role);
    // A former owner's row: the referral, if any, is the new owner's referral back to her.
    long recipient =
        relation.equals("recipient") || relation.equals("former-owner-after-transfer")
            ? USER_ORG
            : OTHER_ORG;

    String state = row.get("referral_state");
    String purposeText = row.get("purpose");
    Purpose purpose =
        purposeText.equals("-") || purposeText.equals("imported-without-purpose")
            ? null
            : Purpose.valueOf(purposeText);
    List<CaseFacts.ReferralFact> referrals = new ArrayList<>();
    if (state.equals("none")) {
      if (relation.equals("recipient")) {
        throw new IllegalArgumentException(
            "a recipient has a referral; use other-organisation for a case not referred to her");
      }
    } else {
      if (purposeText.equals("-")) {
        throw new IllegalArgumentException(
            "a referral has a purpose (or imported-without-purpose)");
      }
      referrals.add(
          new CaseFacts.ReferralFact(
              REFERRAL_ID,
              recipient,
              ReferralState.valueOf(state),
              purpose,
              categories(row.get("referral_categories"))));
    }

    List<CaseFacts.ConsentFact> consents = new ArrayList<>();
    String consentRef = consents(row, recipient, purpose, category, consents);

    List<CaseFacts.BreakGlassFact> breakGlass = new ArrayList<>();
    CaseFacts withoutBreakGlass =
        new CaseFacts(CASE_ID, PERSON_ID, OWNER_ORG, referrals, consents, List.of());
    String breakGlassRef = null;
    if (!row.get("action").equals("open-emergency-access")) {
      switch (row.get("break_glass")) {
        case "none" -> {}
        case "valid" -> {
          open(viewer, referrals, consents, category);
          breakGlass.add(
              new CaseFacts.BreakGlassFact(
                  BREAK_GLASS_ID,
                  USER_ID,
                  category,
                  NOW.minus(Duration.ofHours(1)).plus(BreakGlassAccess.DURATION)));
          breakGlassRef = String.valueOf(BREAK_GLASS_ID);
        }
        case "valid-other-category" -> {
          DataCategory other =
              category == DataCategory.HEALTH ? DataCategory.CONTACT : DataCategory.HEALTH;
          open(viewer, referrals, consents, other);
          breakGlass.add(
              new CaseFacts.BreakGlassFact(
                  BREAK_GLASS_ID,
                  USER_ID,
                  other,
                  NOW.minus(Duration.ofHours(1)).plus(BreakGlassAccess.DURATION)));
        }
        case "expired" ->
            breakGlass.add(
                new CaseFacts.BreakGlassFact(
                    BREAK_GLASS_ID, USER_ID, category, NOW.minus(Duration.ofMinutes(1))));
        case "opened-by-colleague" ->
            breakGlass.add(
                new CaseFacts.BreakGlassFact(
                    BREAK_GLASS_ID, COLLEAGUE_ID, category, NOW.plus(Duration.ofHours(3))));
        case "too-short-reason" ->
            assertEquals(
                Decision.deny(DenyReason.REASON_TOO_SHORT),
                policy.decideEmergencyAccess(viewer, withoutBreakGlass, category, SHORT_REASON),
                "opening an emergency access with a 10-character reason");
        case "non-referred-case" ->
            assertEquals(
                Decision.deny(DenyReason.NOT_REFERRED),
                policy.decideEmergencyAccess(viewer, withoutBreakGlass, category, PROPER_REASON),
                "opening an emergency access on a case not referred to the organisation");
        default ->
            throw new IllegalArgumentException("unknown break_glass: " + row.get("break_glass"));
      }
    }
    String caseState = row.get("case_state");
    if (!List.of("open", "restricted", "anonymised", "merged").contains(caseState)) {
      throw new IllegalArgumentException("unknown case_state: " + caseState);
    }
    CaseFacts facts =
        new CaseFacts(
            CASE_ID,
            PERSON_ID,
            OWNER_ORG,
            referrals,
            consents,
            breakGlass,
            false,
            caseState.equals("restricted"),
            caseState.equals("anonymised"),
            caseState.equals("merged"));
    return new Scenario(viewer, facts, category, consentRef, breakGlassRef);
  }

  /**
   * Adds the row's consents to the case; returns the id of the consent that can grant access (an
   * active one), or {@code null}.
   */
  private static String consents(
      Row row,
      long recipient,
      Purpose purpose,
      DataCategory category,
      List<CaseFacts.ConsentFact> into) {
    String consent = row.get("consent");
    if (consent.equals("none")) {
      return null;
    }
    if (purpose == null) {
      throw new IllegalArgumentException("a consent needs the purpose column");
    }
    Set<DataCategory> covered = categories(row.get("consent_categories"));
    LocalDate given = TODAY.minusMonths(1);
    LocalDate until = TODAY.plusYears(1);
    Instant yesterday = NOW.minus(Duration.ofDays(1));
    CaseFacts.ConsentFact fact =
        switch (consent) {
          case "active", "other-person" ->
              new CaseFacts.ConsentFact(
                  CONSENT_ID, recipient, purpose, covered, given, until, null);
          case "expired-yesterday" ->
              new CaseFacts.ConsentFact(
                  CONSENT_ID, recipient, purpose, covered, given, TODAY.minusDays(1), null);
          case "expires-today" ->
              new CaseFacts.ConsentFact(
                  CONSENT_ID, recipient, purpose, covered, given, TODAY, null);
          case "withdrawn" ->
              new CaseFacts.ConsentFact(
                  CONSENT_ID, recipient, purpose, covered, given, until, yesterday);
          case "not-yet-valid" ->
              new CaseFacts.ConsentFact(
                  CONSENT_ID, recipient, purpose, covered, TODAY.plusDays(1), until, null);
          case "other-purpose" -> {
            Purpose other =
                purpose == Purpose.LEGAL_AID ? Purpose.REINTEGRATION : Purpose.LEGAL_AID;
            yield new CaseFacts.ConsentFact(
                CONSENT_ID, recipient, other, covered, given, until, null);
          }
          case "other-category" -> {
            if (covered.contains(category)) {
              throw new IllegalArgumentException(
                  "other-category: consent_categories must not include " + category);
            }
            yield new CaseFacts.ConsentFact(
                CONSENT_ID, recipient, purpose, covered, given, until, null);
          }
          case "other-recipient" ->
              new CaseFacts.ConsentFact(
                  CONSENT_ID, THIRD_ORG, purpose, covered, given, until, null);
          case "renewed-after-withdrawal" -> {
            into.add(
                new CaseFacts.ConsentFact(
                    CONSENT_ID,
                    recipient,
                    purpose,
                    covered,
                    TODAY.minusMonths(3),
                    until,
                    NOW.minus(Duration.ofDays(30))));
            yield new CaseFacts.ConsentFact(
                RENEWED_CONSENT_ID, recipient, purpose, covered, TODAY.minusDays(7), until, null);
          }
          default -> throw new IllegalArgumentException("unknown consent: " + consent);
        };
    if (consent.equals("other-person")) {
      // Recorded on another person's case: CaseFacts carry the consents of their own case only, so
      // the case under test has none (CaseFactsLoader selects consents by case).
      return null;
    }
    into.add(fact);
    return fact.activeOn(TODAY)
            && fact.recipientOrganisationId() == recipient
            && fact.purpose() == purpose
        ? String.valueOf(fact.id())
        : null;
  }

  /**
   * Opens an emergency access an hour ago, when the user's referral was live (ACCEPTED if it is not
   * live now), and checks that the policy allowed it.
   */
  private void open(
      Viewer viewer,
      List<CaseFacts.ReferralFact> referrals,
      List<CaseFacts.ConsentFact> consents,
      DataCategory category) {
    List<CaseFacts.ReferralFact> then =
        referrals.stream()
            .map(
                r ->
                    r.toOrganisationId() == viewer.organisationId()
                            && !AccessPolicy.LIVE.contains(r.state())
                        ? new CaseFacts.ReferralFact(
                            r.id(),
                            r.toOrganisationId(),
                            ReferralState.ACCEPTED,
                            r.purpose(),
                            r.categories())
                        : r)
            .toList();
    Decision opened =
        policy.decideEmergencyAccess(
            viewer,
            new CaseFacts(CASE_ID, PERSON_ID, OWNER_ORG, then, consents, List.of()),
            category,
            PROPER_REASON);
    assertTrue(
        opened.permitted() && opened.basis() == AccessBasis.BREAK_GLASS,
        "the row has a valid emergency access, but it could not have been opened: " + opened);
  }

  private static Set<DataCategory> categories(String text) {
    if (text.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(text.split(";"))
        .map(String::strip)
        .map(DataCategory::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataCategory.class)));
  }

  /** One data row of the matrix, with its number (1 = first data row) and its line in the file. */
  record Row(int number, long line, CSVRecord record) {
    String get(String column) {
      if (!record.isMapped(column) || !record.isSet(column)) {
        throw new IllegalArgumentException("row " + number + " has no column " + column);
      }
      return record.get(column).strip();
    }

    String describe() {
      return "row "
          + number
          + " (line "
          + line
          + "): "
          + String.join(
              ", ",
              record.toMap().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .toList());
    }
  }

  private static final List<String> COLUMNS =
      List.of(
          "who",
          "org_type",
          "relation",
          "referral_state",
          "purpose",
          "referral_categories",
          "consent",
          "consent_categories",
          "break_glass",
          "case_state",
          "category",
          "action",
          "expected",
          "expected_basis",
          "expected_scope",
          "expected_reason",
          "note");

  private static List<Row> readRows() {
    try (Reader in = new InputStreamReader(open(), StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .get()
                .parse(in)) {
      assertEquals(COLUMNS, parser.getHeaderNames(), "columns of " + MATRIX);
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        assertEquals(
            COLUMNS.size(),
            record.size(),
            "fields in data row " + (rows.size() + 1) + " of " + MATRIX);
        rows.add(new Row(rows.size() + 1, parser.getCurrentLineNumber(), record));
      }
      assertFalse(rows.isEmpty(), MATRIX + " has no rows");
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Data lines counted without the CSV parser: not blank, not a # heading, not the header. */
  private static long countDataLines() {
    try (InputStream in = open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .count()
          - 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open() {
    InputStream in = AccessMatrixTest.class.getResourceAsStream(MATRIX);
    if (in == null) {
      throw new IllegalStateException(
          MATRIX + " is not on the test class path next to " + AccessMatrixTest.class.getName());
    }
    return in;
  }
}
