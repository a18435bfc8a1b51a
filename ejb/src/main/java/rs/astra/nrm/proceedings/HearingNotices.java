package rs.astra.nrm.proceedings;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.CaseFactsLoader;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.notification.NotificationKind;
import rs.astra.nrm.notification.Notifications;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ScheduledJob;

/**
 * "A trial hearing tomorrow" (issue 18, "Events"), each morning at 06:30 (Europe/Belgrade, or as
 * {@code nrm.schedule.hearing-notices} says; once across all instances, {@link ScheduledJob}): for
 * every {@link ProceedingsEntryKind#HEARING} dated the next day (Europe/Belgrade), each active user
 * whom the access policy lets read that hearing's entry — READ of {@link
 * DataCategory#LEGAL_PROCEEDINGS} applied to the organisation that recorded it ({@code
 * AccessEnforcer.decideRecord}) — is told once per case. The candidates are the users of the owning
 * organisation and of the organisations the case was referred to (nobody else can hold a basis);
 * administrators, DPOs and hotline operators read no case data. Each permit is recorded in the
 * audit trail (she learns that the case has a hearing tomorrow), as the home page's list of
 * hearings is. The notification itself holds only the case code and the recording organisation: the
 * court, room and time stay in the portal.
 */
@Stateless
@jakarta.ejb.Local(ScheduledJob.class)
@jakarta.ejb.LocalBean
public class HearingNotices implements ScheduledJob {

  private static final Logger LOG = Logger.getLogger(HearingNotices.class.getName());

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private Notifications notifications;
  @Inject private CaseFactsLoader factsLoader;
  @Inject private AccessEnforcer enforcer;

  @Override
  public String name() {
    return "hearing-notices";
  }

  /** Each morning at 06:30 ({@code nrm.schedule.hearing-notices}). */
  @Override
  public String defaultSchedule() {
    return "P1D 06:30";
  }

  /** Tells of the hearings on the day after the run's day (Europe/Belgrade). */
  @Override
  public void run(java.time.LocalDateTime slot) {
    int told = send(slot.toLocalDate());
    LOG.info(() -> "hearing notices: " + told + " users told");
  }

  /**
   * Tells of the hearings on the day after a day.
   *
   * @param today the day (Europe/Belgrade); the hearings told are on the next day
   * @return how many users were told
   */
  public int send(LocalDate today) {
    List<ProceedingsEntry> hearings =
        em.createQuery(
                "select e from ProceedingsEntry e join fetch e.caseFile join fetch e.organisation"
                    + " where e.kind = :hearing and e.date = :day order by e.id",
                ProceedingsEntry.class)
            .setParameter("hearing", ProceedingsEntryKind.HEARING)
            .setParameter("day", today.plusDays(1))
            .getResultList();
    if (hearings.isEmpty()) {
      return 0;
    }
    Instant now = Instant.now();
    Map<Long, CaseFacts> cases =
        factsLoader.load(hearings.stream().map(e -> e.getCaseFile().getId()).distinct().toList());
    Set<String> told = new HashSet<>();
    for (ProceedingsEntry e : hearings) {
      CaseFacts f = cases.get(e.getCaseFile().getId());
      if (f != null) {
        for (PortalUser u : candidates(f)) {
          if (!told.contains(u.getId() + ":" + f.caseId()) && tell(u, f, e, now)) {
            told.add(u.getId() + ":" + f.caseId());
          }
        }
      }
    }
    return told.size();
  }

  /** The active users of the owner and of the organisations the case was referred to. */
  private List<PortalUser> candidates(CaseFacts f) {
    Set<Long> organisations = new HashSet<>();
    organisations.add(f.ownerOrganisationId());
    f.referrals().forEach(r -> organisations.add(r.toOrganisationId()));
    return em
        .createQuery(
            "select u from PortalUser u join fetch u.organisation o"
                + " where o.id in :orgs and u.active = true and o.active = true order by u.id",
            PortalUser.class)
        .setParameter("orgs", organisations)
        .getResultList()
        .stream()
        .filter(
            u ->
                !u.getRole().readsNoCaseData() && u.getOrganisation().getType().allows(u.getRole()))
        .toList();
  }

  /** Tells her of the hearing if the policy lets her read it, and records the permit. */
  private boolean tell(PortalUser u, CaseFacts f, ProceedingsEntry e, Instant now) {
    Viewer v = UserDirectory.viewerOf(u);
    Decision d =
        enforcer.decideRecord(
            v,
            f,
            DataCategory.LEGAL_PROCEEDINGS,
            AccessAction.READ,
            now,
            e.getOrganisation().getId());
    if (!d.permitted()
        || !notifications.tellUser(
            NotificationKind.HEARING_TOMORROW,
            u.getId(),
            f.caseId(),
            e.getCaseFile().getCode(),
            e.getOrganisation().getName())) {
      return false;
    }
    enforcer.recordPermits(
        v,
        now,
        List.of(
            new AuditTrail.Entry(
                f.caseId(), f.personId(), DataCategory.LEGAL_PROCEEDINGS, AccessAction.READ, d)));
    return true;
  }
}
