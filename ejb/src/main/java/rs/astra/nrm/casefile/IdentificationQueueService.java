package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.shared.NrmTime;

/**
 * The identification queue of the institution that decides formal identification: the cases
 * referred to the viewer's organisation for {@link Purpose#IDENTIFICATION} (referral waiting for an
 * answer or accepted) whose stage awaits the decision ({@link NrmStage#PRESUMED_VICTIM}) and which
 * it decides — adults for the CPTV, children (under 18 today, Europe/Belgrade) for a centre for
 * social work, the same rule as {@link CaseStageService#decideIdentification}. Filtering, sorting
 * and paging run in the database, with the access policy's predicate for READ of CASE_SUMMARY, so
 * that no case appears that the viewer may not see. Rows hold no personal data (code, stage,
 * dates).
 */
@Stateless
public class IdentificationQueueService {

  /** Referral states in which the case waits in the queue: not yet answered, or accepted. */
  public static final java.util.Set<ReferralState> WAITING = ReferralState.OPEN;

  /**
   * Below this age in years a person is a child, whose identification a centre for social work
   * decides — the rule of {@link CaseStageService#decideIdentification}.
   */
  public static final int ADULT_AGE = rs.astra.nrm.shared.Majority.ADULT_AGE;

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private AccessPolicy policy;

  /**
   * One case waiting for the decision.
   *
   * @param caseId the case, to open it (the decision is taken on the case page)
   * @param caseCode its code
   * @param stage its NRM stage
   * @param referredOn the day of the (earliest waiting) referral for identification
   * @param daysWaiting days from that day to today (Europe/Belgrade)
   */
  public record QueueRow(
      long caseId, String caseCode, NrmStage stage, LocalDate referredOn, long daysWaiting)
      implements Serializable {}

  /** Columns the queue can be sorted by. */
  public enum SortColumn {
    /** Case code. */
    CODE,
    /** Day of the referral (oldest first when ascending). */
    REFERRED_ON
  }

  /**
   * What page of the queue to fetch.
   *
   * @param first index of the first row, 0-based
   * @param pageSize rows per page, 1 to 500
   * @param sortBy the column; {@code null} = referral day
   * @param ascending sort direction
   * @param codeContains case-code fragment, ignoring case; {@code null} or blank = all
   */
  public record QueueQuery(
      int first, int pageSize, SortColumn sortBy, boolean ascending, String codeContains)
      implements Serializable {

    /**
     * @throws IllegalArgumentException if {@code first} is negative or {@code pageSize} not 1–500
     */
    public QueueQuery {
      if (first < 0 || pageSize < 1 || pageSize > 500) {
        throw new IllegalArgumentException("first must be >= 0 and pageSize 1 to 500");
      }
      if (sortBy == null) {
        sortBy = SortColumn.REFERRED_ON;
      }
    }
  }

  /**
   * Whether the viewer's organisation decides identification at all (a CPTV or a centre for social
   * work), i.e. whether she has a queue.
   *
   * @param viewer who asks
   * @return {@code true} for staff of the CPTV and of centres for social work
   */
  public static boolean hasQueue(Viewer viewer) {
    return !viewer.role().readsNoCaseData()
        && (viewer.organisationType() == OrganisationType.CPTV
            || viewer.organisationType() == OrganisationType.SOCIAL_WORK_CENTRE);
  }

  /**
   * One page of the queue, oldest referral first by default.
   *
   * @param viewer who asks; anyone else than CPTV or centre staff gets an empty page
   * @param query page, order and filter
   * @return at most {@code query.pageSize()} rows
   */
  public List<QueueRow> page(Viewer viewer, QueueQuery query) {
    if (!hasQueue(viewer)) {
      return List.of();
    }
    Instant now = Instant.now();
    LocalDate today = now.atZone(NrmTime.ZONE).toLocalDate();
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<CaseFile> c = q.from(CaseFile.class);
    Root<Referral> r = q.from(Referral.class);
    Expression<LocalDate> referredOn = cb.least(r.<LocalDate>get("referralDate"));
    q.multiselect(c.get("id"), c.get("code"), c.get("stage"), referredOn)
        .where(waiting(cb, q, c, r, viewer, query.codeContains(), today, now))
        .groupBy(c.get("id"), c.get("code"), c.get("stage"));
    Expression<?> key = query.sortBy() == SortColumn.CODE ? c.get("code") : referredOn;
    q.orderBy(
        query.ascending() ? cb.asc(key) : cb.desc(key),
        query.ascending() ? cb.asc(c.get("id")) : cb.desc(c.get("id")));
    List<QueueRow> rows = new ArrayList<>();
    for (Tuple t :
        em.createQuery(q)
            .setFirstResult(query.first())
            .setMaxResults(query.pageSize())
            .getResultList()) {
      LocalDate day = t.get(3, LocalDate.class);
      rows.add(
          new QueueRow(
              t.get(0, Long.class),
              t.get(1, String.class),
              t.get(2, NrmStage.class),
              day,
              ChronoUnit.DAYS.between(day, today)));
    }
    return rows;
  }

  /**
   * How many cases wait in the viewer's queue (with the filter).
   *
   * @param viewer who asks
   * @param codeContains case-code fragment, or {@code null}
   * @return the number of cases {@link #page} pages through
   */
  public long count(Viewer viewer, String codeContains) {
    if (!hasQueue(viewer)) {
      return 0;
    }
    Instant now = Instant.now();
    LocalDate today = now.atZone(NrmTime.ZONE).toLocalDate();
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> q = cb.createQuery(Long.class);
    Root<CaseFile> c = q.from(CaseFile.class);
    Root<Referral> r = q.from(Referral.class);
    q.select(cb.countDistinct(c)).where(waiting(cb, q, c, r, viewer, codeContains, today, now));
    return em.createQuery(q).getSingleResult();
  }

  private Predicate[] waiting(
      CriteriaBuilder cb,
      CriteriaQuery<?> q,
      Root<CaseFile> c,
      Root<Referral> r,
      Viewer viewer,
      String codeContains,
      LocalDate today,
      Instant now) {
    List<Predicate> where = new ArrayList<>();
    where.add(policy.permits(cb, q, c, viewer, DataCategory.CASE_SUMMARY, AccessAction.READ, now));
    where.add(cb.equal(r.get("caseFile"), c));
    where.add(cb.equal(r.get("toOrganisation").get("id"), viewer.organisationId()));
    where.add(cb.equal(r.get("purpose"), Purpose.IDENTIFICATION));
    where.add(r.get("state").in(WAITING));
    where.add(cb.equal(c.get("stage"), NrmStage.PRESUMED_VICTIM));
    // Who decides: a child (born after this day) by a centre for social work, anyone else (an
    // adult,
    // or a person whose birth date is unknown) by the CPTV.
    Expression<LocalDate> birthdate = c.get("person").get("birthdate");
    LocalDate childIfBornAfter = today.minusYears(ADULT_AGE);
    if (viewer.organisationType() == OrganisationType.SOCIAL_WORK_CENTRE) {
      where.add(cb.greaterThan(birthdate, childIfBornAfter));
    } else {
      where.add(cb.or(cb.isNull(birthdate), cb.lessThanOrEqualTo(birthdate, childIfBornAfter)));
    }
    if (codeContains != null && !codeContains.isBlank()) {
      String escaped =
          codeContains
              .strip()
              .toUpperCase(Locale.ROOT)
              .replace("\\", "\\\\")
              .replace("%", "\\%")
              .replace("_", "\\_");
      where.add(cb.like(cb.upper(c.get("code")), "%" + escaped + "%", '\\'));
    }
    return where.toArray(Predicate[]::new);
  }
}
