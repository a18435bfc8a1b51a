package rs.astra.nrm.consent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import rs.astra.nrm.audit.ActivityRecord;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.notification.NotificationKind;
import rs.astra.nrm.notification.Notifications;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.SerbianWorkingDays;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The owner's review of every emergency access (issue 18, "Review of emergency access"): each
 * emergency access opened on a case waits for a coordinator of the owning organisation, who marks
 * it justified or not justified, with a note (required when not justified). An access not reviewed
 * within {@value #WORKING_DAYS} working days of the day it was opened (Europe/Belgrade; Saturdays,
 * Sundays and Serbia's public holidays excluded, {@link SerbianWorkingDays}) is escalated to the
 * organisation's data protection officer, who also sees every access found not justified. The user
 * who opened the access is told the outcome; the person's access report shows it (GDPR Art. 15).
 * Every review is in the activity record.
 */
@Stateless
@StoredBeforeReturn
@jakarta.ejb.Local(rs.astra.nrm.shared.ScheduledJob.class)
@jakarta.ejb.LocalBean
public class EmergencyReviews implements rs.astra.nrm.shared.ScheduledJob {

  private static final Logger LOG = Logger.getLogger(EmergencyReviews.class.getName());

  /** Working days the owner has to review an emergency access. */
  public static final int WORKING_DAYS = 3;

  /** Outcome: the access was justified. */
  public static final String JUSTIFIED = "JUSTIFIED";

  /** Outcome: the access was not justified. */
  public static final String NOT_JUSTIFIED = "NOT_JUSTIFIED";

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private Notifications notifications;
  @Inject private AuditTrail audit;

  /**
   * One emergency access to review (or, for the data protection officer, one to look into).
   *
   * @param id the access
   * @param caseId its case
   * @param caseCode the case code
   * @param user who opened it
   * @param organisation her organisation
   * @param category the category opened
   * @param reason the reason she gave
   * @param vitalInterest whether opened for a threat to life or health (GDPR Art. 9(2)(c))
   * @param openedAt when (UTC)
   * @param read how many records of each category were read under it (from the audit trail)
   * @param overdue whether the review is late ({@value #WORKING_DAYS} working days passed)
   * @param outcome {@link #JUSTIFIED}, {@link #NOT_JUSTIFIED} or {@code null} while not reviewed
   * @param note the reviewer's note, or {@code null}
   */
  public record ReviewLine(
      long id,
      long caseId,
      String caseCode,
      String user,
      String organisation,
      DataCategory category,
      String reason,
      boolean vitalInterest,
      Instant openedAt,
      Map<DataCategory, Long> read,
      boolean overdue,
      String outcome,
      String note)
      implements Serializable {}

  /**
   * Whether the review of an access opened on a day is late on another.
   *
   * @param openedOn the day it was opened (Europe/Belgrade)
   * @param today the day now (Europe/Belgrade)
   * @return {@code true} from the day after the {@value #WORKING_DAYS}rd working day after {@code
   *     openedOn}
   */
  public static boolean isOverdue(LocalDate openedOn, LocalDate today) {
    return SerbianWorkingDays.minusWorkingDays(today, WORKING_DAYS).isAfter(openedOn);
  }

  /**
   * Who reviews emergency accesses: the owning organisation's coordinators (issue 18).
   *
   * @param viewer who asks
   * @return whether she is a coordinator
   */
  public static boolean reviews(Viewer viewer) {
    return viewer.role() == PortalRole.NGO_COORDINATOR;
  }

  /**
   * Who is shown the accesses found not justified or not reviewed in time: the owning
   * organisation's data protection officers.
   *
   * @param viewer who asks
   * @return whether she is a data protection officer
   */
  public static boolean oversees(Viewer viewer) {
    return viewer.role() == PortalRole.DPO;
  }

  /**
   * The emergency accesses to the viewer's organisation's cases that wait for review, oldest first.
   *
   * @param viewer a coordinator (others get none)
   * @return the accesses
   */
  public List<ReviewLine> toReview(Viewer viewer) {
    if (!reviews(viewer)) {
      return List.of();
    }
    return lines(
        em.createQuery(
                "select b from BreakGlassAccess b join fetch b.caseFile c join fetch b.user"
                    + " where c.ownerOrganisation.id = :o and b.reviewOutcome is null"
                    + " order by b.openedAt, b.id",
                BreakGlassAccess.class)
            .setParameter("o", viewer.organisationId())
            .setMaxResults(200)
            .getResultList());
  }

  /**
   * For the data protection officer: the accesses to her organisation's cases found not justified,
   * and those not reviewed in time, newest first.
   *
   * @param viewer a data protection officer (others get none)
   * @return the accesses
   */
  public List<ReviewLine> forOfficer(Viewer viewer) {
    if (!oversees(viewer)) {
      return List.of();
    }
    return lines(
        em.createQuery(
                "select b from BreakGlassAccess b join fetch b.caseFile c join fetch b.user"
                    + " where c.ownerOrganisation.id = :o and (b.reviewOutcome = :not"
                    + " or (b.reviewOutcome is null and b.escalatedAt is not null))"
                    + " order by b.openedAt desc, b.id desc",
                BreakGlassAccess.class)
            .setParameter("o", viewer.organisationId())
            .setParameter("not", NOT_JUSTIFIED)
            .setMaxResults(200)
            .getResultList());
  }

  private List<ReviewLine> lines(List<BreakGlassAccess> accesses) {
    LocalDate today = Instant.now().atZone(AccessPolicy.ZONE).toLocalDate();
    List<ReviewLine> lines = new ArrayList<>();
    Map<Long, Map<DataCategory, Long>> read = read(accesses);
    for (BreakGlassAccess b : accesses) {
      lines.add(
          new ReviewLine(
              b.getId(),
              b.getCaseFile().getId(),
              b.getCaseFile().getCode(),
              b.getUser().getDisplayName(),
              b.getUser().getOrganisation().getName(),
              b.getCategory(),
              b.getReason(),
              b.isVitalInterest(),
              b.getOpenedAt(),
              read.getOrDefault(b.getId(), Map.of()),
              b.getReviewOutcome() == null
                  && isOverdue(b.getOpenedAt().atZone(AccessPolicy.ZONE).toLocalDate(), today),
              b.getReviewOutcome(),
              b.getReviewNote()));
    }
    return lines;
  }

  /**
   * What was read under each access: its opener's permitted audit records with basis BREAK_GLASS
   * and the access's id as reference (alone or followed by a space), counted by category in one
   * query for all the accesses listed.
   *
   * @return the counts by access id; an access under which nothing was read is absent
   */
  private Map<Long, Map<DataCategory, Long>> read(List<BreakGlassAccess> accesses) {
    if (accesses.isEmpty()) {
      return Map.of();
    }
    Map<Long, BreakGlassAccess> byId = new java.util.HashMap<>();
    accesses.forEach(b -> byId.put(b.getId(), b));
    Map<Long, Map<DataCategory, Long>> read = new java.util.HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select a.basisRef, a.userId, a.category, count(a) from AuditRecord a"
                    + " where a.caseFileId in :cases and a.permitted = true and a.basis = :basis"
                    + " group by a.basisRef, a.userId, a.category",
                Object[].class)
            .setParameter(
                "cases", accesses.stream().map(b -> b.getCaseFile().getId()).distinct().toList())
            .setParameter("basis", AccessBasis.BREAK_GLASS)
            .getResultList()) {
      BreakGlassAccess b = r[0] == null ? null : byId.get(accessId((String) r[0]));
      if (b != null && b.getUser().getId().equals(((Number) r[1]).longValue())) {
        read.computeIfAbsent(b.getId(), k -> new EnumMap<>(DataCategory.class))
            .merge((DataCategory) r[2], ((Number) r[3]).longValue(), Long::sum);
      }
    }
    return read;
  }

  /** The access id a BREAK_GLASS audit reference names ("42" or "42 …"), or -1. */
  private static long accessId(String basisRef) {
    int space = basisRef.indexOf(' ');
    try {
      return Long.parseLong(space < 0 ? basisRef : basisRef.substring(0, space));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * A coordinator of the owning organisation reviews an emergency access.
   *
   * @param viewer the coordinator
   * @param accessId the access
   * @param justified whether it was justified
   * @param note why; required (1–2,000 characters) when not justified
   * @throws InvalidRequestException {@code review.error.notCoordinator}, {@code .notFound}, {@code
   *     .note}, {@code .tooLong}
   * @throws ConcurrentUpdateException when someone reviewed it meanwhile
   */
  public void review(Viewer viewer, long accessId, boolean justified, String note) {
    if (!reviews(viewer)) {
      throw new InvalidRequestException("review.error.notCoordinator");
    }
    BreakGlassAccess b = em.find(BreakGlassAccess.class, accessId);
    if (b == null || b.getCaseFile().getOwnerOrganisation().getId() != viewer.organisationId()) {
      throw new InvalidRequestException("review.error.notFound");
    }
    String text = note == null || visibleLength(note) == 0 ? null : note.strip();
    if (!justified && text == null) {
      throw new InvalidRequestException("review.error.note");
    }
    if (text != null && text.length() > 2000) {
      throw new InvalidRequestException("review.error.tooLong");
    }
    Instant now = Instant.now();
    // Set once: only while no one else has (two coordinators at once: the second is told).
    int changed =
        em.createQuery(
                "update BreakGlassAccess b set b.reviewOutcome = :outcome, b.reviewNote = :note,"
                    + " b.reviewedBy = :by, b.reviewedAt = :at"
                    + " where b.id = :id and b.reviewOutcome is null")
            .setParameter("outcome", justified ? JUSTIFIED : NOT_JUSTIFIED)
            .setParameter("note", text)
            .setParameter("by", viewer.userId())
            .setParameter("at", now)
            .setParameter("id", accessId)
            .executeUpdate();
    if (changed == 0) {
      throw new ConcurrentUpdateException("emergency access review");
    }
    audit.recordActivity(
        viewer,
        now,
        ActivityRecord.Kind.EMERGENCY_ACCESS_REVIEWED,
        null,
        accessId,
        justified ? JUSTIFIED : NOT_JUSTIFIED,
        null);
    String code = b.getCaseFile().getCode();
    long caseId = b.getCaseFile().getId();
    String owner = b.getCaseFile().getOwnerOrganisation().getName();
    notifications.tellUser(
        NotificationKind.EMERGENCY_ACCESS_REVIEWED, b.getUser().getId(), caseId, code, owner);
    if (!justified) {
      notifications.tell(
          NotificationKind.EMERGENCY_ACCESS_NOT_JUSTIFIED,
          caseId,
          code,
          viewer.organisationId(),
          b.getUser().getOrganisation().getName());
    }
  }

  /**
   * Escalates to the owning organisations' data protection officers every emergency access not
   * reviewed within {@value #WORKING_DAYS} working days (once each).
   *
   * @param now the instant to judge by (UTC)
   * @return how many were escalated
   */
  public int escalateOverdue(Instant now) {
    LocalDate today = now.atZone(AccessPolicy.ZONE).toLocalDate();
    // Three working days are at least three calendar days: the query narrows, the rule decides.
    List<BreakGlassAccess> candidates =
        em.createQuery(
                "select b from BreakGlassAccess b join fetch b.caseFile join fetch b.user"
                    + " where b.reviewOutcome is null and b.escalatedAt is null"
                    + " and b.openedAt < :threeDaysAgo order by b.id",
                BreakGlassAccess.class)
            .setParameter("threeDaysAgo", now.minus(java.time.Duration.ofDays(WORKING_DAYS)))
            .getResultList();
    int escalated = 0;
    for (BreakGlassAccess b : candidates) {
      if (!isOverdue(b.getOpenedAt().atZone(AccessPolicy.ZONE).toLocalDate(), today)) {
        continue;
      }
      int changed =
          em.createQuery(
                  "update BreakGlassAccess b set b.escalatedAt = :at"
                      + " where b.id = :id and b.escalatedAt is null and b.reviewOutcome is null")
              .setParameter("at", now)
              .setParameter("id", b.getId())
              .executeUpdate();
      if (changed == 1) {
        notifications.tell(
            NotificationKind.EMERGENCY_REVIEW_OVERDUE,
            b.getCaseFile().getId(),
            b.getCaseFile().getCode(),
            b.getCaseFile().getOwnerOrganisation().getId(),
            b.getUser().getOrganisation().getName());
        escalated++;
      }
    }
    if (escalated > 0) {
      int n = escalated;
      LOG.info(() -> "emergency access reviews escalated to the data protection officer: " + n);
    }
    return escalated;
  }

  @Override
  public String name() {
    return "emergency-review-escalation";
  }

  /** Each hour at 17 past ({@code nrm.schedule.emergency-review-escalation}). */
  @Override
  public String defaultSchedule() {
    return "PT1H 00:17";
  }

  /** Escalates the reviews that became late, once across all instances. */
  @Override
  public void run(java.time.LocalDateTime slot) {
    escalateOverdue(Instant.now());
  }

  /**
   * The outcome of an access's review for the access report.
   *
   * @param accessId the access
   * @return {@link #JUSTIFIED}, {@link #NOT_JUSTIFIED}, {@code ESCALATED} (not reviewed in time) or
   *     {@code PENDING}; {@code null} when there is no such access
   */
  public String outcome(long accessId) {
    BreakGlassAccess b = em.find(BreakGlassAccess.class, accessId);
    if (b == null) {
      return null;
    }
    if (b.getReviewOutcome() != null) {
      return b.getReviewOutcome();
    }
    return b.getEscalatedAt() != null ? "ESCALATED" : "PENDING";
  }

  /**
   * Characters of a note that can be seen: white space and invisible format characters (zero-width
   * and no-break spaces, bidirectional marks) do not count, as for an emergency access's reason.
   */
  static int visibleLength(String note) {
    return (int)
        note.codePoints()
            .filter(
                c ->
                    !Character.isWhitespace(c)
                        && !Character.isSpaceChar(c)
                        && Character.getType(c) != Character.FORMAT)
            .count();
  }
}
