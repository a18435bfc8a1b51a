package rs.astra.nrm.rights;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.notification.NotificationKind;
import rs.astra.nrm.notification.Notifications;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.NrmTime;

/**
 * The register of data-subject requests (issue 21) of an organisation.
 *
 * <ul>
 *   <li>Its data protection officer keeps it: she registers a request about a case her organisation
 *       owns (found by its code, as for an access report; {@link
 *       AccessEnforcer#mayRegisterDataSubjectRequest}), starts work on it, extends its deadline
 *       once, answers or refuses it.
 *   <li>Its coordinators read it (they gather what the answer needs), without changing it.
 *   <li>Every other role is refused ({@link NotPermittedException}).
 * </ul>
 *
 * Due dates follow {@link DataSubjectRequest} (30 days, one extension by at most 60 with a reason;
 * ZZPL art. 21(3), GDPR Art. 12(3)). Each step keeps who and when; concurrent steps on one request
 * are refused by its version. Notes are free text and never logged.
 */
@Stateless
public class DataSubjectRequestService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private Notifications notifications;

  /**
   * Registers a request.
   *
   * @param viewer the data protection officer
   * @param form what was typed
   * @return the new request's id
   * @throws NotPermittedException for any other role
   * @throws InvalidRequestException {@code dsr.error.kindRequired}, {@code
   *     dsr.error.receivedRequired}, {@code dsr.error.verificationRequired} for a missing field;
   *     {@code dsr.error.caseNotFound} for a code that names no case of her organisation (a case
   *     that does not exist and one she may not link look the same); the rules of {@link
   *     DataSubjectRequest}
   */
  public long register(Viewer viewer, RequestForm form) {
    requireKeeper(viewer, "register a data-subject request");
    if (form.kind() == null) {
      throw new InvalidRequestException("dsr.error.kindRequired");
    }
    if (form.receivedOn() == null) {
      throw new InvalidRequestException("dsr.error.receivedRequired");
    }
    if (form.verification() == null) {
      throw new InvalidRequestException("dsr.error.verificationRequired");
    }
    // CaseCodes.idOf does the same; rights may not use casefile, whose morning notices call rights.
    String code = form.caseCode() == null ? "" : form.caseCode().strip().toUpperCase(Locale.ROOT);
    Long caseId =
        code.isEmpty()
            ? null
            : em.createQuery("select c.id from CaseFile c where c.code = :code", Long.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElse(null);
    CaseFacts facts = caseId == null ? null : caseAccess.facts(caseId).orElse(null);
    if (facts == null || !enforcer.mayRegisterDataSubjectRequest(viewer, facts)) {
      throw new InvalidRequestException("dsr.error.caseNotFound");
    }
    DataSubjectRequest r =
        rule(
            () ->
                new DataSubjectRequest(
                    viewer.organisationId(),
                    form.kind(),
                    facts.caseId(),
                    code,
                    form.receivedOn(),
                    form.verification(),
                    form.note(),
                    viewer.userId(),
                    Instant.now(),
                    NrmTime.today()));
    em.persist(r);
    em.flush();
    return r.getId();
  }

  /**
   * Starts work on a received request.
   *
   * @param viewer the data protection officer
   * @param id the request
   * @param version the version shown
   * @throws NotPermittedException for any other role or another organisation's request
   * @throws ConcurrentUpdateException when it changed since it was shown
   * @throws InvalidRequestException {@code dsr.error.notReceived}
   */
  public void startWork(Viewer viewer, long id, long version) {
    DataSubjectRequest r = toChange(viewer, id, version);
    rule(
        () -> {
          r.startWork(viewer.userId(), Instant.now());
          return r;
        });
  }

  /**
   * Extends a request's deadline once.
   *
   * @param viewer the data protection officer
   * @param id the request
   * @param version the version shown
   * @param days by how many calendar days (1–60)
   * @param reason why (required)
   * @throws NotPermittedException for any other role or another organisation's request
   * @throws ConcurrentUpdateException when it changed since it was shown
   * @throws InvalidRequestException by the rules of {@link DataSubjectRequest#extend}
   */
  public void extend(Viewer viewer, long id, long version, int days, String reason) {
    DataSubjectRequest r = toChange(viewer, id, version);
    rule(
        () -> {
          r.extend(days, reason, NrmTime.today(), viewer.userId(), Instant.now());
          return r;
        });
  }

  /**
   * Records the answer given.
   *
   * @param viewer the data protection officer
   * @param id the request
   * @param version the version shown
   * @param outcome what was done
   * @param answer the answer given
   * @throws NotPermittedException for any other role or another organisation's request
   * @throws ConcurrentUpdateException when it changed since it was shown
   * @throws InvalidRequestException by the rules of {@link DataSubjectRequest#answer}
   */
  public void answer(Viewer viewer, long id, long version, String outcome, String answer) {
    DataSubjectRequest r = toChange(viewer, id, version);
    rule(
        () -> {
          r.answer(outcome, answer, viewer.userId(), Instant.now());
          return r;
        });
  }

  /**
   * Refuses a request with its reason.
   *
   * @param viewer the data protection officer
   * @param id the request
   * @param version the version shown
   * @param reason the reason given to the person
   * @throws NotPermittedException for any other role or another organisation's request
   * @throws ConcurrentUpdateException when it changed since it was shown
   * @throws InvalidRequestException by the rules of {@link DataSubjectRequest#refuse}
   */
  public void refuse(Viewer viewer, long id, long version, String reason) {
    DataSubjectRequest r = toChange(viewer, id, version);
    rule(
        () -> {
          r.refuse(reason, viewer.userId(), Instant.now());
          return r;
        });
  }

  /**
   * The register of the viewer's organisation: open requests first by due date, then the closed
   * ones, last closed first.
   *
   * @param viewer a data protection officer or a coordinator
   * @return the rows
   * @throws NotPermittedException for any other role
   */
  public List<RequestRow> register(Viewer viewer) {
    requireReader(viewer);
    return rows(
        em.createQuery(
                "select r from DataSubjectRequest r where r.organisationId = :org"
                    + " order by r.dueOn, r.id",
                DataSubjectRequest.class)
            .setParameter("org", viewer.organisationId())
            .getResultList());
  }

  /**
   * The open requests of the viewer's organisation due within {@value
   * DataSubjectRequest#DUE_SOON_DAYS} days or overdue, soonest first (home page tasks).
   *
   * @param viewer any user
   * @return the rows; none for roles that do not read the register
   */
  public List<RequestRow> dueSoon(Viewer viewer) {
    if (!viewer.role().readsRequestRegister()) {
      return List.of();
    }
    return rows(
        em.createQuery(
                "select r from DataSubjectRequest r where r.organisationId = :org"
                    + " and r.status in :open and r.dueOn <= :limit order by r.dueOn, r.id",
                DataSubjectRequest.class)
            .setParameter("org", viewer.organisationId())
            .setParameter("open", List.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS))
            .setParameter("limit", NrmTime.today().plusDays(DataSubjectRequest.DUE_SOON_DAYS))
            .getResultList());
  }

  /**
   * The morning notice ({@code rs.astra.nrm.casefile.DailyNotices}): tells the organisation's data
   * protection officers and coordinators ({@link NotificationKind#DSR_DUE_SOON}) of each open
   * request due within {@value DataSubjectRequest#DUE_SOON_DAYS} days (or overdue) that was not
   * told of yet — once per due date: an extension is a new deadline and is told of again. The
   * notification carries the case code only.
   *
   * @param today the day (Europe/Belgrade)
   * @return how many notifications were written
   */
  public int tellDueSoon(LocalDate today) {
    int told = 0;
    Instant now = Instant.now();
    for (DataSubjectRequest r :
        em.createQuery(
                "select r from DataSubjectRequest r where r.status in :open"
                    + " and r.dueOn <= :limit and r.dueNoticeAt is null order by r.id",
                DataSubjectRequest.class)
            .setParameter("open", List.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS))
            .setParameter("limit", today.plusDays(DataSubjectRequest.DUE_SOON_DAYS))
            .getResultList()) {
      told +=
          notifications.tell(
              NotificationKind.DSR_DUE_SOON,
              r.getCaseId(),
              r.getCaseCode(),
              r.getOrganisationId(),
              null);
      // Marked by SQL, not through the entity: the notice is not a change of the request, so the
      // version the DPO's open page holds stays valid (JPQL bulk updates raise it in EclipseLink).
      em.createNativeQuery("update data_subject_request set due_notice_at = ?1 where id = ?2")
          .setParameter(1, java.sql.Timestamp.from(now))
          .setParameter(2, r.getId())
          .executeUpdate();
    }
    return told;
  }

  private List<RequestRow> rows(List<DataSubjectRequest> requests) {
    LocalDate today = NrmTime.today();
    Map<Long, String> names = new HashMap<>();
    List<RequestRow> rows = new ArrayList<>();
    for (DataSubjectRequest r : requests) {
      rows.add(
          RequestRow.of(
              r,
              id ->
                  names.computeIfAbsent(
                      id,
                      k -> {
                        PortalUser u = em.find(PortalUser.class, k);
                        return u == null ? "#" + k : u.getDisplayName();
                      }),
              today));
    }
    rows.sort(
        Comparator.comparing((RequestRow row) -> !row.open())
            .thenComparing(
                row -> row.open() || row.closed() == null ? Instant.MIN : row.closed().at(),
                Comparator.reverseOrder()));
    return rows;
  }

  private DataSubjectRequest toChange(Viewer viewer, long id, long version) {
    requireKeeper(viewer, "change a data-subject request");
    DataSubjectRequest r = em.find(DataSubjectRequest.class, id);
    if (r == null || r.getOrganisationId() != viewer.organisationId()) {
      throw new NotPermittedException("change a data-subject request");
    }
    if (r.getVersion() != version) {
      throw new ConcurrentUpdateException("data-subject request");
    }
    return r;
  }

  private static void requireKeeper(Viewer viewer, String what) {
    if (!viewer.role().keepsRequestRegister()) {
      throw new NotPermittedException(what);
    }
  }

  private static void requireReader(Viewer viewer) {
    if (!viewer.role().readsRequestRegister()) {
      throw new NotPermittedException("read the register of data-subject requests");
    }
  }

  /** Runs a step of the request's rules, turning a refused step into the user's message. */
  private static <T> T rule(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (RequestRuleException e) {
      throw new InvalidRequestException(e.messageKey());
    }
  }
}
