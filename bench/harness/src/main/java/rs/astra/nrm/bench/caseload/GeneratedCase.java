package rs.astra.nrm.bench.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import rs.astra.nrm.bench.caseload.Directory.Org;
import rs.astra.nrm.bench.caseload.Directory.User;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessBasis;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.proceedings.ProceedingsEntryKind;
import rs.astra.nrm.referral.ReferralState;

/**
 * One generated case with everything that hangs on it, made from the seed and the case's number
 * alone: the same seed and number always give the same case, so each table can be written in its
 * own pass without holding the caseload in memory. Ids are derived from the case number with a
 * fixed stride per table, so they never collide.
 */
final class GeneratedCase {

  /** Id strides: at most this many rows of a table hang on one case. */
  static final int REFERRALS_PER_CASE = 4;

  static final int CONSENTS_PER_CASE = 6;
  static final int PROCEEDINGS_PER_CASE = 12;
  static final int EVENTS_PER_CASE = 64;
  static final int AUDIT_PER_CASE = 10;
  static final int SERVICES_PER_CASE = 6;
  static final int NOTES_PER_CASE = 4;
  static final int CALLS_PER_CASE = 4;

  /** Share of the cases owned by ASTRA, the demo NGO; the rest go to the 30 other NGOs. */
  static final double ASTRA_SHARE = 0.4;

  /** The days a generated caseload spans: twenty years up to the anchor day. */
  static final int SPAN_DAYS = 7300;

  record Referral(
      long id,
      Org to,
      User sentBy,
      LocalDate date,
      ReferralState state,
      Purpose purpose,
      Set<DataCategory> categories,
      Long consentId,
      String legalBasis,
      User answeredBy,
      Instant answeredAt,
      String rejectionReason,
      Instant completedAt,
      User revokedBy,
      Instant revokedAt,
      String revocationReason,
      rs.astra.nrm.casefile.ReferralReason reason) {}

  record Consent(
      long id,
      Org recipient,
      Purpose purpose,
      Set<DataCategory> categories,
      LocalDate givenOn,
      LocalDate validUntil,
      String givenAs,
      User recordedBy,
      Instant recordedAt,
      Instant withdrawnAt,
      User withdrawnBy) {}

  record Proceeding(
      long id,
      Org org,
      User by,
      Instant recordedAt,
      ProceedingsEntryKind kind,
      LocalDate date,
      String offence,
      Integer suspects,
      String victimStatus,
      String outcome,
      String sentence) {}

  record BreakGlass(long id, User user, DataCategory category, String reason, Instant openedAt) {}

  record Event(long id, Instant at, CaseEvent.Type type, User by, String detail) {}

  record Audit(
      long id,
      Instant at,
      User user,
      DataCategory category,
      AccessAction action,
      boolean permitted,
      AccessBasis basis,
      String basisRef,
      String requestId) {}

  /** A support-plan entry (service_entry, V7). */
  record Service(
      long id,
      rs.astra.nrm.support.ServiceType type,
      rs.astra.nrm.support.ServiceStatus status,
      Org org,
      User by,
      Instant recordedAt,
      Org provider,
      LocalDate plannedOn,
      LocalDate startedOn,
      LocalDate endedOn) {}

  /** A centre for social work's assessment note or a health institution's treatment record (V7). */
  record Note(long id, Org org, User by, Instant recordedAt, LocalDate on, String text) {}

  /** A hotline call (V9), with its job-offer check when it was one. */
  record Call(
      long id,
      Org org,
      User takenBy,
      Instant calledAt,
      int durationMinutes,
      rs.astra.nrm.hotline.CallChannel channel,
      rs.astra.nrm.hotline.CallerType callerType,
      rs.astra.nrm.hotline.CallLanguage language,
      rs.astra.nrm.hotline.CallPurpose purpose,
      boolean opensCase,
      JobCheck check) {}

  /**
   * A job-offer check of a call (V9): the agency it names from the owner's registry, the red flags,
   * the outcome.
   */
  record JobCheck(
      Directory.RegistryEntry agency,
      String country,
      String jobType,
      rs.astra.nrm.casefile.ForcedLabourIndustry industry,
      java.math.BigDecimal wage,
      Set<rs.astra.nrm.hotline.RedFlag> flags,
      rs.astra.nrm.hotline.CheckOutcome outcome) {
    boolean flagged() {
      return outcome.flags()
          || (outcome == rs.astra.nrm.hotline.CheckOutcome.COULD_NOT_VERIFY && !flags.isEmpty());
    }
  }

  final int number;
  final long id;
  final String code;
  final Org owner;
  final User ownerUser;
  final LocalDate openedOn;
  final Instant createdAt;
  final NrmStage stage;
  final CaseStatus status;
  final TraffickingStatus traffickingStatus;
  final Set<TypeOfExploitation> exploitation;
  final String firstName;
  final String secondName;
  final LocalDate birthdate;
  final Gender gender;
  final String citizenship;
  final String mobilePhone;
  final String city;
  final Org identifiedBy;
  final LocalDate identifiedOn;
  final List<Referral> referrals = new ArrayList<>();
  final List<Consent> consents = new ArrayList<>();
  final List<Proceeding> proceedings = new ArrayList<>();
  final List<BreakGlass> breakGlass = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  final List<Audit> audit = new ArrayList<>();
  final List<Service> services = new ArrayList<>();
  final List<Note> assessments = new ArrayList<>();
  final List<Note> treatments = new ArrayList<>();
  Note safetyPlan;
  final List<Call> calls = new ArrayList<>();
  final SplittableRandom random;

  /**
   * @param seed the caseload's seed
   * @param number the case number, 0-based
   * @param dir organisations and users
   * @param anchor the generated caseload's "today": nothing happens after it
   */
  GeneratedCase(long seed, int number, Directory dir, LocalDate anchor) {
    this.number = number;
    this.id = number + 1L;
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
    SplittableRandom r = random;

    owner =
        r.nextDouble() < ASTRA_SHARE
            ? dir.demo(rs.astra.nrm.demo.DemoDataSeeder.ASTRA)
            : dir.generated(OrganisationType.NGO)
                .get(r.nextInt(dir.generated(OrganisationType.NGO).size()));
    List<User> ownerStaff = dir.staff(owner);
    ownerUser = ownerStaff.get(r.nextInt(ownerStaff.size()));
    // More cases in recent years: the NRM grows.
    int daysAgo = (int) (SPAN_DAYS * Math.pow(r.nextDouble(), 1.4));
    openedOn = anchor.minusDays(daysAgo);
    createdAt = at(openedOn, r);
    code = String.format("NRM-%04d-%05d", openedOn.getYear(), id);

    Names.Origin origin = Names.origin(r);
    boolean anonymous = r.nextInt(20) == 0;
    firstName = anonymous ? null : Names.pick(r, origin.given());
    secondName = anonymous || r.nextInt(15) == 0 ? null : Names.pick(r, origin.surnames());
    birthdate = r.nextInt(8) == 0 ? null : openedOn.minusDays(12 * 365 + r.nextInt(40 * 365));
    gender =
        r.nextInt(4) == 0
            ? Gender.Masculine
            : r.nextInt(30) == 0 ? Gender.NonSpecifiedUnknown : Gender.Feminine;
    citizenship = origin.country();
    mobilePhone =
        r.nextInt(3) == 0
            ? null
            : String.format("+381 6%d %03d %04d", r.nextInt(10), r.nextInt(1000), r.nextInt(10000));
    city = Names.pick(r, Names.TOWNS);

    EnumSet<TypeOfExploitation> types = EnumSet.noneOf(TypeOfExploitation.class);
    int t = r.nextInt(100);
    types.add(
        t < 55
            ? TypeOfExploitation.SexualExploitation
            : t < 80
                ? TypeOfExploitation.ForcedLabour
                : t < 90
                    ? TypeOfExploitation.ForcedBegging
                    : t < 95 ? TypeOfExploitation.ForcedMarriage : TypeOfExploitation.Other);
    if (r.nextInt(6) == 0) {
      types.add(TypeOfExploitation.ForcedLabour);
    }
    exploitation = types;

    // Older cases are mostly closed; recent ones are still at the first stages.
    NrmStage[] path = {
      NrmStage.SIGNAL,
      NrmStage.PRESUMED_VICTIM,
      NrmStage.IDENTIFIED,
      NrmStage.ASSISTANCE,
      NrmStage.REINTEGRATION,
      NrmStage.CLOSED
    };
    int reach;
    if (daysAgo > 3 * 365) {
      reach = r.nextInt(10) < 8 ? 5 : 2 + r.nextInt(3);
    } else if (daysAgo > 180) {
      reach = 1 + r.nextInt(5);
    } else {
      reach = r.nextInt(3);
    }
    boolean notIdentified = reach >= 2 && r.nextInt(12) == 0;
    List<NrmStage> stages = new ArrayList<>();
    for (int i = 0; i <= reach; i++) {
      stages.add(
          notIdentified && path[i] == NrmStage.IDENTIFIED ? NrmStage.NOT_IDENTIFIED : path[i]);
      if (notIdentified && path[i] == NrmStage.IDENTIFIED && reach == 5) {
        stages.add(NrmStage.CLOSED);
        break;
      }
      if (notIdentified && path[i] == NrmStage.IDENTIFIED) {
        break;
      }
    }
    stage = stages.getLast();
    status =
        stage == NrmStage.CLOSED
            ? (r.nextInt(4) == 0 ? CaseStatus.ClosedReferred : CaseStatus.Closed)
            : (r.nextInt(5) == 0 ? CaseStatus.FollowUp : CaseStatus.Active);
    traffickingStatus =
        stages.contains(NrmStage.NOT_IDENTIFIED)
            ? TraffickingStatus.NotAVictimOfTrafficking
            : stages.contains(NrmStage.IDENTIFIED)
                ? TraffickingStatus.ActualVictimOfTrafficking
                : stages.contains(NrmStage.PRESUMED_VICTIM)
                    ? TraffickingStatus.PossibleVictimOfTrafficking
                    : null;
    boolean decided =
        stages.contains(NrmStage.IDENTIFIED) || stages.contains(NrmStage.NOT_IDENTIFIED);
    identifiedBy = decided ? dir.demo("Centar za zaštitu žrtava trgovine ljudima") : null;
    identifiedOn = decided ? before(anchor, openedOn.plusDays(20 + r.nextInt(60))) : null;

    long eventId = id * EVENTS_PER_CASE;
    events.add(new Event(++eventId, createdAt, CaseEvent.Type.CASE_OPENED, ownerUser, code));
    LocalDate day = openedOn;
    for (int i = 1; i < stages.size(); i++) {
      day = before(anchor, day.plusDays(5 + r.nextInt(90)));
      if (stages.get(i) == NrmStage.IDENTIFIED || stages.get(i) == NrmStage.NOT_IDENTIFIED) {
        User cptv = dir.staff(identifiedBy).getFirst();
        events.add(
            new Event(
                ++eventId,
                at(identifiedOn, r),
                CaseEvent.Type.IDENTIFICATION_DECIDED,
                cptv,
                stages.get(i) + " " + identifiedOn));
      }
      events.add(
          new Event(
              ++eventId,
              at(day, r),
              CaseEvent.Type.STAGE_CHANGED,
              ownerUser,
              stages.get(i - 1) + " → " + stages.get(i)));
    }

    referrals(dir, anchor, daysAgo);
    for (Referral ref : referrals) {
      events.add(
          new Event(
              ++eventId,
              at(ref.date(), r),
              CaseEvent.Type.REFERRAL_SENT,
              ownerUser,
              ref.to().name() + " · " + ref.purpose()));
      switch (ref.state()) {
        case ACCEPTED ->
            events.add(
                new Event(
                    ++eventId,
                    ref.answeredAt(),
                    CaseEvent.Type.REFERRAL_ACCEPTED,
                    ref.answeredBy(),
                    ref.to().name()));
        case REJECTED ->
            events.add(
                new Event(
                    ++eventId,
                    ref.answeredAt(),
                    CaseEvent.Type.REFERRAL_REJECTED,
                    ref.answeredBy(),
                    ref.to().name()));
        case COMPLETED -> {
          events.add(
              new Event(
                  ++eventId,
                  ref.answeredAt(),
                  CaseEvent.Type.REFERRAL_ACCEPTED,
                  ref.answeredBy(),
                  ref.to().name()));
          events.add(
              new Event(
                  ++eventId,
                  ref.completedAt(),
                  CaseEvent.Type.REFERRAL_COMPLETED,
                  ref.answeredBy(),
                  ref.to().name()));
        }
        case REVOKED ->
            events.add(
                new Event(
                    ++eventId,
                    ref.revokedAt(),
                    CaseEvent.Type.REFERRAL_REVOKED,
                    ref.revokedBy(),
                    ref.to().name()));
        case SENT -> {}
      }
    }
    for (Consent k : consents) {
      events.add(
          new Event(
              ++eventId,
              k.recordedAt(),
              CaseEvent.Type.CONSENT_GIVEN,
              k.recordedBy(),
              k.recipient().name() + " · " + k.purpose() + " (" + k.id() + ")"));
      if (k.withdrawnAt() != null) {
        events.add(
            new Event(
                ++eventId,
                k.withdrawnAt(),
                CaseEvent.Type.CONSENT_WITHDRAWN,
                k.withdrawnBy(),
                k.recipient().name() + " (" + k.id() + ")"));
      }
    }
    proceedings(dir, anchor);
    for (Proceeding p : proceedings) {
      events.add(
          new Event(
              ++eventId,
              p.recordedAt(),
              CaseEvent.Type.PROCEEDINGS_RECORDED,
              p.by(),
              p.kind().name()));
    }
    // A few emergency accesses, long expired, by a recipient of a live referral.
    Referral live =
        referrals.stream()
            .filter(x -> x.state() == ReferralState.ACCEPTED)
            .findFirst()
            .orElse(null);
    if (live != null && r.nextInt(100) == 0 && !dir.staff(live.to()).isEmpty()) {
      User u = dir.staff(live.to()).getFirst();
      DataCategory category = r.nextBoolean() ? DataCategory.HEALTH : DataCategory.CONTACT;
      Instant opened = at(before(anchor, live.date().plusDays(1 + r.nextInt(30))), r);
      breakGlass.add(
          new BreakGlass(
              id,
              u,
              category,
              "Urgent medical care needed at night, the caseworker cannot be reached",
              opened));
      events.add(new Event(++eventId, opened, CaseEvent.Type.EMERGENCY_ACCESS, u, category.name()));
    }
    audit(anchor);
    // Generated after everything else, so that adding them left the earlier rows as they were.
    support(dir, anchor);
    hotline(dir, anchor);
  }

  /**
   * The support plan: services by the owner and by recipients, a safety plan, assessments and
   * treatments.
   */
  private void support(Directory dir, LocalDate anchor) {
    SplittableRandom r = random;
    rs.astra.nrm.support.ServiceType[] types = rs.astra.nrm.support.ServiceType.values();
    rs.astra.nrm.support.ServiceStatus[] statuses = rs.astra.nrm.support.ServiceStatus.values();
    int n = stage == NrmStage.SIGNAL ? 0 : r.nextInt(SERVICES_PER_CASE - 1);
    long sid = id * SERVICES_PER_CASE;
    for (int i = 0; i < n; i++) {
      LocalDate planned = before(anchor, openedOn.plusDays(r.nextInt(120)));
      Referral accepted =
          referrals.stream()
              .filter(
                  x -> x.state() == ReferralState.ACCEPTED || x.state() == ReferralState.COMPLETED)
              .findFirst()
              .orElse(null);
      Org org =
          accepted != null && r.nextInt(3) == 0 && !dir.staff(accepted.to()).isEmpty()
              ? accepted.to()
              : owner;
      User by = org == owner ? ownerUser : dir.staff(org).getFirst();
      rs.astra.nrm.support.ServiceStatus status = statuses[r.nextInt(statuses.length)];
      boolean started =
          status == rs.astra.nrm.support.ServiceStatus.IN_PROGRESS
              || status == rs.astra.nrm.support.ServiceStatus.PROVIDED;
      LocalDate start = started ? before(anchor, planned.plusDays(r.nextInt(20))) : null;
      LocalDate end =
          status == rs.astra.nrm.support.ServiceStatus.PROVIDED
              ? before(anchor, start.plusDays(r.nextInt(60)))
              : null;
      services.add(
          new Service(
              ++sid,
              types[r.nextInt(types.length)],
              status,
              org,
              by,
              at(planned, r),
              accepted != null ? accepted.to() : null,
              planned,
              start,
              end));
    }
    if (stage != NrmStage.SIGNAL && r.nextInt(10) < 3) {
      LocalDate on = before(anchor, openedOn.plusDays(r.nextInt(30)));
      safetyPlan =
          new Note(
              id,
              owner,
              ownerUser,
              at(on, r),
              on.plusDays(90),
              "Known recruiter in the home town; no contact with the former employer.");
    }
    long nid = id * NOTES_PER_CASE;
    for (Referral ref : referrals) {
      boolean answered =
          ref.state() == ReferralState.ACCEPTED || ref.state() == ReferralState.COMPLETED;
      if (!answered
          || dir.staff(ref.to()).isEmpty()
          || assessments.size() + treatments.size() >= NOTES_PER_CASE) {
        continue;
      }
      LocalDate on = before(anchor, ref.date().plusDays(3 + r.nextInt(30)));
      if (ref.to().type() == OrganisationType.SOCIAL_WORK_CENTRE) {
        assessments.add(
            new Note(
                ++nid,
                ref.to(),
                dir.staff(ref.to()).getFirst(),
                at(on, r),
                on,
                "Family situation assessed; accommodation in a safe house recommended."));
      } else if (ref.to().type() == OrganisationType.HEALTH) {
        treatments.add(
            new Note(
                ++nid,
                ref.to(),
                dir.staff(ref.to()).getFirst(),
                at(on, r),
                on,
                "Examination and treatment of injuries; follow-up in two weeks."));
      }
    }
  }

  /**
   * Calls to the owner's SOS hotline over twenty years: the call that brought the case in (linked
   * to it) and preventive calls, a third of them job-offer checks naming agencies of the owner's
   * registry.
   */
  private void hotline(Directory dir, LocalDate anchor) {
    SplittableRandom r = random;
    User operator = dir.hotlineOperator(owner);
    rs.astra.nrm.hotline.CallPurpose[] purposes = rs.astra.nrm.hotline.CallPurpose.values();
    int n = r.nextInt(CALLS_PER_CASE);
    long cid = id * CALLS_PER_CASE;
    for (int i = 0; i < n; i++) {
      boolean opensCase = i == 0 && r.nextInt(3) == 0;
      LocalDate day =
          opensCase
              ? openedOn
              : anchor.minusDays((int) (SPAN_DAYS * Math.pow(r.nextDouble(), 1.4)));
      rs.astra.nrm.hotline.CallPurpose purpose =
          opensCase
              ? rs.astra.nrm.hotline.CallPurpose.SUSPECTED_TRAFFICKING_REPORT
              : r.nextInt(3) == 0
                  ? rs.astra.nrm.hotline.CallPurpose.JOB_OFFER_CHECK
                  : purposes[r.nextInt(purposes.length)];
      JobCheck check = null;
      if (purpose == rs.astra.nrm.hotline.CallPurpose.JOB_OFFER_CHECK) {
        List<Directory.RegistryEntry> registry = dir.registry(owner);
        EnumSet<rs.astra.nrm.hotline.RedFlag> flags =
            EnumSet.noneOf(rs.astra.nrm.hotline.RedFlag.class);
        rs.astra.nrm.hotline.RedFlag[] all = rs.astra.nrm.hotline.RedFlag.values();
        for (int k = r.nextInt(4); k > 0; k--) {
          flags.add(all[r.nextInt(all.length)]);
        }
        rs.astra.nrm.hotline.CheckOutcome[] outcomes = rs.astra.nrm.hotline.CheckOutcome.values();
        check =
            new JobCheck(
                registry.get(r.nextInt(registry.size())),
                Names.pick(r, new String[] {"DE", "AT", "IT", "MT", "AE", "TR", "SK"}),
                "seasonal work",
                Names.pick(r, rs.astra.nrm.casefile.ForcedLabourIndustry.values()),
                java.math.BigDecimal.valueOf(800 + r.nextInt(2500)),
                flags,
                flags.isEmpty()
                    ? rs.astra.nrm.hotline.CheckOutcome.LEGITIMATE
                    : outcomes[r.nextInt(outcomes.length)]);
      }
      calls.add(
          new Call(
              ++cid,
              owner,
              operator,
              at(day, r),
              3 + r.nextInt(40),
              Names.pick(r, rs.astra.nrm.hotline.CallChannel.values()),
              Names.pick(r, rs.astra.nrm.hotline.CallerType.values()),
              Names.pick(r, rs.astra.nrm.hotline.CallLanguage.values()),
              purpose,
              opensCase,
              check));
    }
  }

  private void referrals(Directory dir, LocalDate anchor, int daysAgo) {
    SplittableRandom r = random;
    int n = 1 + (r.nextInt(100) < 40 ? 0 : r.nextInt(100) < 60 ? 1 : r.nextInt(100) < 65 ? 2 : 3);
    long consentId = id * CONSENTS_PER_CASE;
    for (int attempt = 0; referrals.size() < n && attempt < 20; attempt++) {
      Org to = recipient(dir);
      if (to.id() == owner.id() || referrals.stream().anyMatch(x -> x.to().id() == to.id())) {
        continue;
      }
      Purpose purpose = purpose(to.type());
      EnumSet<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
      if (r.nextInt(10) < 8) categories.add(DataCategory.IDENTITY);
      if (r.nextInt(2) == 0) categories.add(DataCategory.CONTACT);
      if (r.nextInt(2) == 0 || purpose == Purpose.IDENTIFICATION)
        categories.add(DataCategory.EXPLOITATION);
      if (to.type() == OrganisationType.HEALTH ? r.nextInt(10) < 9 : r.nextInt(10) == 0)
        categories.add(DataCategory.HEALTH);
      if ((to.type() == OrganisationType.POLICE || to.type() == OrganisationType.PROSECUTOR)
          && r.nextInt(10) < 9) categories.add(DataCategory.LEGAL_PROCEEDINGS);
      if (to.type() == OrganisationType.SOCIAL_WORK_CENTRE && r.nextInt(10) < 8)
        categories.add(DataCategory.SOCIAL);
      if (categories.isEmpty()) categories.add(DataCategory.IDENTITY);
      LocalDate date = before(anchor, openedOn.plusDays(r.nextInt(90)));
      int s = r.nextInt(100);
      // Recent referrals still wait for an answer more often.
      ReferralState state =
          daysAgo < 30 && s < 50
              ? ReferralState.SENT
              : s < 15
                  ? ReferralState.SENT
                  : s < 50
                      ? ReferralState.ACCEPTED
                      : s < 75
                          ? ReferralState.COMPLETED
                          : s < 85 ? ReferralState.REJECTED : ReferralState.REVOKED;

      boolean legal =
          to.type() == OrganisationType.CPTV
              && purpose == Purpose.IDENTIFICATION
              && EnumSet.of(DataCategory.IDENTITY, DataCategory.EXPLOITATION)
                  .containsAll(categories);
      Long consent = null;
      Instant withdrawn = null;
      if (!legal && r.nextInt(100) < 85 && consents.size() < CONSENTS_PER_CASE - 1) {
        LocalDate given =
            date.minusDays(r.nextInt(4)).isBefore(openedOn)
                ? openedOn
                : date.minusDays(r.nextInt(4));
        int v = r.nextInt(100);
        // Active (open-ended or still valid), expired, or withdrawn.
        LocalDate validUntil = v < 45 ? null : v < 75 ? given.plusDays(365) : given.plusDays(90);
        if (v >= 90 || (state == ReferralState.REVOKED && r.nextBoolean())) {
          withdrawn = at(before(anchor, given.plusDays(10 + r.nextInt(200))), r);
          if (state != ReferralState.REJECTED) {
            state = ReferralState.REVOKED;
          }
        }
        Consent kc =
            new Consent(
                ++consentId,
                to,
                purpose,
                EnumSet.copyOf(categories),
                given,
                validUntil,
                r.nextInt(5) == 0 ? "ORAL_WITH_WITNESS" : "SIGNED_FORM",
                ownerUser,
                at(given, r),
                withdrawn,
                withdrawn == null ? null : ownerUser);
        consents.add(kc);
        consent = kc.id();
      }
      List<User> theirs = dir.staff(to);
      User answeredBy = theirs.isEmpty() ? null : theirs.get(r.nextInt(theirs.size()));
      boolean answered =
          state == ReferralState.ACCEPTED
              || state == ReferralState.REJECTED
              || state == ReferralState.COMPLETED;
      Instant answeredAt = answered ? at(before(anchor, date.plusDays(r.nextInt(10))), r) : null;
      Instant completedAt =
          state == ReferralState.COMPLETED
              ? at(before(anchor, date.plusDays(10 + r.nextInt(120))), r)
              : null;
      Instant revokedAt =
          state == ReferralState.REVOKED
              ? (withdrawn != null
                  ? withdrawn
                  : at(before(anchor, date.plusDays(r.nextInt(60))), r))
              : null;
      referrals.add(
          new Referral(
              id * REFERRALS_PER_CASE + referrals.size() + 1,
              to,
              ownerUser,
              date,
              state,
              purpose,
              categories,
              consent,
              legal ? "CPTV_IDENTIFICATION" : null,
              answered ? answeredBy : null,
              answeredAt,
              state == ReferralState.REJECTED
                  ? "Outside our territorial competence; please refer to the centre of the victim's residence."
                  : null,
              completedAt,
              state == ReferralState.REVOKED ? ownerUser : null,
              revokedAt,
              state == ReferralState.REVOKED
                  ? (withdrawn != null
                      ? "consent withdrawn"
                      : "Referred elsewhere after the victim moved.")
                  : null,
              r.nextBoolean()
                  ? rs.astra.nrm.casefile.ReferralReason.AdditionalServicesRequired
                  : rs.astra.nrm.casefile.ReferralReason.Other));
    }
    // Some cases have a consent given ahead of a referral not sent yet: not yet valid.
    if (r.nextInt(40) == 0) {
      Org to = recipient(dir);
      LocalDate given = anchor.plusDays(5 + r.nextInt(20));
      consents.add(
          new Consent(
              ++consentId,
              to,
              purpose(to.type()),
              EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT),
              given,
              null,
              "SIGNED_FORM",
              ownerUser,
              at(anchor.minusDays(1), r),
              null,
              null));
    }
  }

  /**
   * A recipient: centres for social work most often, then police, the CPTV, health, prosecutors.
   */
  private Org recipient(Directory dir) {
    SplittableRandom r = random;
    int t = r.nextInt(100);
    OrganisationType type =
        t < 35
            ? OrganisationType.SOCIAL_WORK_CENTRE
            : t < 58
                ? OrganisationType.POLICE
                : t < 75
                    ? OrganisationType.CPTV
                    : t < 88
                        ? OrganisationType.HEALTH
                        : t < 96 ? OrganisationType.PROSECUTOR : OrganisationType.NGO;
    List<Org> ofType = dir.byType.get(type);
    List<Org> demo = ofType.stream().filter(Org::demo).toList();
    // The demo institutions (one per type, two centres for social work) receive a large share, so
    // that logging in as them shows a national-scale list.
    if (!demo.isEmpty() && r.nextInt(100) < 40) {
      return demo.get(r.nextInt(100) < 75 ? 0 : demo.size() - 1);
    }
    List<Org> generated = dir.generated(type);
    return generated.get(r.nextInt(generated.size()));
  }

  private Purpose purpose(OrganisationType type) {
    SplittableRandom r = random;
    return switch (type) {
      case SOCIAL_WORK_CENTRE ->
          Names.pick(
              r,
              new Purpose[] {
                Purpose.SOCIAL_PROTECTION,
                Purpose.SOCIAL_PROTECTION,
                Purpose.ACCOMMODATION,
                Purpose.PSYCHOSOCIAL_SUPPORT
              });
      case POLICE -> Purpose.CRIMINAL_PROCEEDINGS;
      case PROSECUTOR -> r.nextInt(5) == 0 ? Purpose.LEGAL_AID : Purpose.CRIMINAL_PROCEEDINGS;
      case CPTV -> r.nextInt(5) == 0 ? Purpose.REINTEGRATION : Purpose.IDENTIFICATION;
      case HEALTH -> Purpose.HEALTH_CARE;
      case NGO ->
          Names.pick(
              r,
              new Purpose[] {
                Purpose.ACCOMMODATION, Purpose.REINTEGRATION, Purpose.PSYCHOSOCIAL_SUPPORT
              });
    };
  }

  private void proceedings(Directory dir, LocalDate anchor) {
    SplittableRandom r = random;
    long pid = id * PROCEEDINGS_PER_CASE;
    for (Referral ref : referrals) {
      if (ref.state() == ReferralState.REJECTED
          || dir.staff(ref.to()).isEmpty()
          || proceedings.size() > PROCEEDINGS_PER_CASE - 4) {
        continue;
      }
      User by = dir.staff(ref.to()).getFirst();
      LocalDate d = ref.date();
      if (ref.to().type() == OrganisationType.POLICE && r.nextInt(2) == 0) {
        d = before(anchor, d.plusDays(r.nextInt(20)));
        proceedings.add(
            new Proceeding(
                ++pid,
                ref.to(),
                by,
                at(d, r),
                ProceedingsEntryKind.COMPLAINT_FILED,
                d,
                "ART_388_TRAFFICKING",
                1 + r.nextInt(4),
                null,
                null,
                null));
        d = before(anchor, d.plusDays(r.nextInt(30)));
        proceedings.add(
            new Proceeding(
                ++pid,
                ref.to(),
                by,
                at(d, r),
                ProceedingsEntryKind.INVESTIGATION_OPENED,
                d,
                "ART_388_TRAFFICKING",
                null,
                null,
                null,
                null));
      } else if (ref.to().type() == OrganisationType.PROSECUTOR && r.nextInt(2) == 0) {
        d = before(anchor, d.plusDays(30 + r.nextInt(120)));
        proceedings.add(
            new Proceeding(
                ++pid,
                ref.to(),
                by,
                at(d, r),
                ProceedingsEntryKind.INDICTMENT,
                d,
                "ART_388_TRAFFICKING",
                1 + r.nextInt(3),
                null,
                null,
                null));
        d = before(anchor, d.plusDays(30 + r.nextInt(120)));
        proceedings.add(
            new Proceeding(
                ++pid,
                ref.to(),
                by,
                at(d, r),
                ProceedingsEntryKind.VICTIM_STATUS,
                d,
                null,
                null,
                r.nextBoolean() ? "INJURED_PARTY" : "WITNESS",
                null,
                null));
        if (r.nextBoolean()) {
          d = before(anchor, d.plusDays(60 + r.nextInt(300)));
          proceedings.add(
              new Proceeding(
                  ++pid,
                  ref.to(),
                  by,
                  at(d, r),
                  ProceedingsEntryKind.VERDICT,
                  d,
                  "ART_388_TRAFFICKING",
                  null,
                  null,
                  "Convicted",
                  (3 + r.nextInt(8)) + " years"));
        }
      }
    }
  }

  /** Ten audit records: the owner's reads, recipients' reads on consent or law, a few refusals. */
  private void audit(LocalDate anchor) {
    SplittableRandom r = random;
    DataCategory[] personal = {
      DataCategory.IDENTITY,
      DataCategory.CONTACT,
      DataCategory.EXPLOITATION,
      DataCategory.HEALTH,
      DataCategory.SOCIAL
    };
    long aid = id * AUDIT_PER_CASE;
    long span = Math.max(1, anchor.toEpochDay() - openedOn.toEpochDay());
    for (int i = 0; i < AUDIT_PER_CASE; i++) {
      Instant when = at(openedOn.plusDays(r.nextLong(span + 1)), r);
      String request = new java.util.UUID(r.nextLong(), r.nextLong()).toString();
      Referral ref =
          referrals.isEmpty() || r.nextInt(10) < 6
              ? null
              : referrals.get(r.nextInt(referrals.size()));
      if (ref == null || ref.answeredBy() == null) {
        audit.add(
            new Audit(
                ++aid,
                when,
                ownerUser,
                Names.pick(r, personal),
                r.nextInt(20) == 0 ? AccessAction.UPDATE : AccessAction.READ,
                true,
                AccessBasis.OWNER,
                null,
                request));
      } else if (ref.consentId() != null) {
        DataCategory c = ref.categories().iterator().next();
        audit.add(
            new Audit(
                ++aid,
                when,
                ref.answeredBy(),
                c,
                AccessAction.READ,
                true,
                AccessBasis.CONSENT,
                String.valueOf(ref.consentId()),
                request));
      } else if (ref.legalBasis() != null) {
        audit.add(
            new Audit(
                ++aid,
                when,
                ref.answeredBy(),
                DataCategory.IDENTITY,
                AccessAction.READ,
                true,
                AccessBasis.LEGAL_BASIS,
                ref.legalBasis(),
                request));
      } else {
        audit.add(
            new Audit(
                ++aid,
                when,
                ref.answeredBy(),
                DataCategory.HEALTH,
                AccessAction.READ,
                false,
                AccessBasis.NONE,
                null,
                request));
      }
    }
  }

  /**
   * @return the earlier of the day and the anchor
   */
  static LocalDate before(LocalDate anchor, LocalDate day) {
    return day.isAfter(anchor) ? anchor : day;
  }

  /**
   * @return an instant during office hours (UTC) on the day
   */
  static Instant at(LocalDate day, SplittableRandom r) {
    return day.atTime(7 + r.nextInt(10), r.nextInt(60), r.nextInt(60)).toInstant(ZoneOffset.UTC);
  }
}
