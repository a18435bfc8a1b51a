package rs.astra.nrm.rights;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rs.astra.nrm.audit.ActivityRecord;
import rs.astra.nrm.audit.AuditRecord;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.MergeChains;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessBasis;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * The data-subject access report (GDPR Art. 15(1); Law 87/2018 art. 26): everything that was seen
 * of one person's data, by whom, when, and on what basis, and every refused request. Prepared by
 * the organisation that owns her case, which hands it to her.
 */
@Stateless
public class AccessReportService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private AuditTrail audit;
  @Inject private rs.astra.nrm.consent.EmergencyReviews reviews;

  /**
   * One line of the report.
   *
   * @param at when (UTC)
   * @param user the user's display name (her login name if she no longer exists); for a read
   *     through the REST API the calling system's client id as recorded with the read
   * @param organisation her organisation's name
   * @param category the category
   * @param action what for
   * @param permitted whether it was permitted
   * @param basis on what basis
   * @param basisRef consent id, emergency-access id or legal-basis code, or {@code null}
   * @param documentId the case document downloaded or refused (issue 17), or {@code null}
   * @param review for a read under an emergency access, the owner's review of that access (issue
   *     18): {@code JUSTIFIED}, {@code NOT_JUSTIFIED}, {@code ESCALATED} or {@code PENDING};
   *     otherwise {@code null}
   * @param channel {@code WEB} (the pages) or {@code API} (the REST API, issue 22)
   * @param client for the API, the calling system's client id; otherwise {@code null}
   */
  public record ReportLine(
      Instant at,
      String user,
      String organisation,
      DataCategory category,
      AccessAction action,
      boolean permitted,
      AccessBasis basis,
      String basisRef,
      Long documentId,
      String review,
      String channel,
      String client)
      implements Serializable {}

  /**
   * A case the data protection officer may prepare the report of: code and dates, no personal data.
   *
   * @param caseId the case, to open its report
   * @param code its code
   * @param openedOn the day it was opened (Europe/Belgrade)
   */
  public record CaseCodeLine(long caseId, String code, LocalDate openedOn)
      implements Serializable {}

  /**
   * The data protection officer's search for the cases of her organisation — those it owns and
   * those it handed over by an accepted transfer ({@link
   * rs.astra.nrm.consent.AccessPolicy#accessReportCases}) — by a fragment of the case code and,
   * optionally, the day the case was opened. The query reads the case code and dates only — no name
   * or other personal data leaves the database — so nothing is audited.
   *
   * @param viewer a data protection officer
   * @param codeContains fragment of the case code, ignoring case; {@code null} or blank = any
   * @param openedOn the day the case was opened, or {@code null} = any
   * @param first index of the first row, 0-based
   * @param pageSize rows per page, 1 to 500
   * @return the cases her organisation owns that match, newest first
   * @throws rs.astra.nrm.organisation.NotPermittedException for any other role
   */
  public List<CaseCodeLine> findCasesForReport(
      Viewer viewer, String codeContains, LocalDate openedOn, int first, int pageSize) {
    return casesQuery(viewer, "c.id, c.code, c.openedOn", codeContains, openedOn, Object[].class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(500, pageSize)))
        .getResultList()
        .stream()
        .map(row -> new CaseCodeLine((Long) row[0], (String) row[1], (LocalDate) row[2]))
        .toList();
  }

  /**
   * How many cases {@link #findCasesForReport} finds.
   *
   * @param viewer a data protection officer
   * @param codeContains fragment of the case code, or {@code null}
   * @param openedOn the day opened, or {@code null}
   * @return the number of matching cases of her organisation
   * @throws rs.astra.nrm.organisation.NotPermittedException for any other role
   */
  public long countCasesForReport(Viewer viewer, String codeContains, LocalDate openedOn) {
    return casesQuery(viewer, "count(c)", codeContains, openedOn, Long.class).getSingleResult();
  }

  private <T> jakarta.persistence.TypedQuery<T> casesQuery(
      Viewer viewer, String select, String codeContains, LocalDate openedOn, Class<T> type) {
    if (viewer.role() != PortalRole.DPO) {
      throw new NotPermittedException("search cases for an access report");
    }
    boolean byCode = codeContains != null && !codeContains.isBlank();
    String jpql =
        "select "
            + select
            + " from CaseFile c where "
            + rs.astra.nrm.consent.AccessPolicy.accessReportCases("c")
            + (byCode ? " and upper(c.code) like :code escape '\\'" : "")
            + (openedOn != null ? " and c.openedOn = :openedOn" : "")
            + (type == Long.class ? "" : " order by c.openedOn desc, c.id desc");
    jakarta.persistence.TypedQuery<T> q =
        em.createQuery(jpql, type)
            .setParameter(
                rs.astra.nrm.consent.AccessPolicy.REPORT_ORGANISATION, viewer.organisationId());
    if (byCode) {
      q.setParameter(
          "code",
          "%"
              + codeContains
                  .strip()
                  .toUpperCase(Locale.ROOT)
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%");
    }
    if (openedOn != null) {
      q.setParameter("openedOn", openedOn);
    }
    return q;
  }

  /**
   * The code of a case whose report the caller has just prepared, for the heading and the file name
   * of the report as PDF. A code is no personal data.
   *
   * @param caseId the case
   * @return its code, or {@code ""} when there is no such case
   */
  public String caseCode(long caseId) {
    return em.createQuery("select c.code from CaseFile c where c.id = :id", String.class)
        .setParameter("id", caseId)
        .getResultStream()
        .findFirst()
        .orElse("");
  }

  /**
   * The report for the data subject of a case, oldest first.
   *
   * @param viewer who prepares it: staff of the owning organisation (the preparation is itself an
   *     audited read of IDENTITY) or its data protection officer, or the data protection officer of
   *     an organisation that owned the case before a transfer (the report of the time it owned the
   *     case: {@link rs.astra.nrm.consent.AccessPolicy#decideAccessReportByOfficer}); every
   *     preparation is also in the activity record ({@code ACCESS_REPORT_PREPARED})
   * @param caseId the data subject's case
   * @return every audit record about her, also those recorded on the cases merged into this one;
   *     for a former owner's officer, those recorded while her organisation owned the case
   * @throws rs.astra.nrm.consent.AccessDeniedException if the viewer's organisation does not own
   *     the case
   */
  public List<ReportLine> reportForCase(Viewer viewer, long caseId) {
    return report(viewer, caseId).lines();
  }

  /**
   * The report for the data subject of a case and where it ends when it is limited, reading the
   * case's transfers once (the page shows both).
   *
   * @param lines every audit record about her, oldest first, as {@link #reportForCase}
   * @param limitedUntil where the report ends (UTC) as {@link #reportLimitedUntil}, or {@code null}
   *     when it is not limited
   */
  public record AccessReport(List<ReportLine> lines, Instant limitedUntil)
      implements Serializable {}

  /**
   * {@link #reportForCase} with {@link #reportLimitedUntil}, deciding and recording exactly as
   * {@link #reportForCase}.
   *
   * @param viewer who prepares it (as {@link #reportForCase})
   * @param caseId the data subject's case
   * @return the lines and the report's end
   * @throws rs.astra.nrm.consent.AccessDeniedException as {@link #reportForCase}
   */
  public AccessReport report(Viewer viewer, long caseId) {
    CaseFacts f =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    List<rs.astra.nrm.consent.AccessPolicy.OwnershipPeriod> periods = ownershipPeriods(f);
    java.util.Set<Long> formerOwners = new java.util.HashSet<>();
    periods.stream()
        .filter(p -> p.until() != null && p.organisationId() != f.ownerOrganisationId())
        .forEach(p -> formerOwners.add(p.organisationId()));
    rs.astra.nrm.consent.Decision byOfficer =
        enforcer.decideAccessReportByOfficer(viewer, f, formerOwners);
    if (!byOfficer.permitted()) {
      // Staff of the owning organisation; the preparation is itself an audited read of IDENTITY.
      // A restricted case (GDPR Art. 18) is updated by nobody; its owner's coordinators still read
      // it, and so prepare its report (the policy permits READ to them alone).
      enforcer.require(
          viewer,
          f,
          DataCategory.CASE_SUMMARY,
          f.restricted() ? AccessAction.READ : AccessAction.UPDATE,
          Instant.now());
      enforcer.require(viewer, f, DataCategory.IDENTITY, AccessAction.READ, Instant.now());
    }
    // Preparing the report is itself recorded, the data protection officer's included (she reads
    // no case data, so no audit record of a category covers her).
    audit.recordActivity(
        viewer,
        Instant.now(),
        ActivityRecord.Kind.ACCESS_REPORT_PREPARED,
        null,
        caseId,
        null,
        null);
    // The audit trail is never moved: while a merge stands (issue 19), the records about the person
    // of a case merged into this one are about this person too.
    List<Long> persons = new java.util.ArrayList<>();
    persons.add(f.personId());
    // Cases merged into a case that was merged into this one later are followed too.
    List<Long> absorbed = MergeChains.absorbedInto(em, caseId);
    if (!absorbed.isEmpty()) {
      persons.addAll(
          em.createQuery("select c.person.id from CaseFile c where c.id in :ids", Long.class)
              .setParameter("ids", absorbed)
              .getResultList());
    }
    List<AuditRecord> records =
        em.createNamedQuery(AuditRecord.FIND_BY_PERSONS, AuditRecord.class)
            .setParameter("personIds", persons)
            .getResultList();
    if (byOfficer.permitted()
        && byOfficer.scope() == rs.astra.nrm.consent.Decision.Scope.OWN_RECORDS) {
      // A former owner's officer: the records of the time her organisation was the controller.
      records =
          records.stream()
              .filter(
                  a ->
                      periods.stream()
                          .anyMatch(
                              p ->
                                  p.organisationId() == viewer.organisationId()
                                      && p.covers(a.getAt())))
              .toList();
    }
    Map<Long, String> reviews = new HashMap<>();
    Map<Long, String> users = new HashMap<>();
    Map<Long, String> organisations = new HashMap<>();
    List<ReportLine> lines =
        records.stream()
            .map(
                a ->
                    new ReportLine(
                        a.getAt(),
                        who(a, users),
                        organisations.computeIfAbsent(
                            a.getOrganisationId(),
                            id -> {
                              Organisation o = em.find(Organisation.class, id);
                              return o == null ? String.valueOf(id) : o.getName();
                            }),
                        a.getCategory(),
                        a.getAction(),
                        a.isPermitted(),
                        a.getBasis(),
                        a.getBasisRef(),
                        a.getDocumentId(),
                        review(a, reviews),
                        a.getChannel(),
                        a.getClientId()))
            .toList();
    return new AccessReport(lines, limitOf(viewer, f, periods).orElse(null));
  }

  /**
   * Where the report a viewer gets ({@link #reportForCase}) ends, when it is limited: for the data
   * protection officer of an organisation that handed the case over by an accepted transfer, the
   * moment her organisation last stopped owning it. Reads the case's transfers only (no personal
   * data), so nothing is audited; call it after {@link #reportForCase} permitted the report.
   *
   * @param viewer who prepares the report
   * @param caseId the case
   * @return the end of the report's period (UTC), or empty when the viewer's organisation owns the
   *     case now, never owned it, or the case does not exist
   */
  public java.util.Optional<Instant> reportLimitedUntil(Viewer viewer, long caseId) {
    return caseAccess
        .facts(caseId)
        .filter(f -> f.ownerOrganisationId() != viewer.organisationId())
        .flatMap(f -> limitOf(viewer, f, ownershipPeriods(f)));
  }

  /**
   * The end of a former owner's report: the last moment the viewer's organisation stopped owning
   * the case; empty when it owns the case now or never owned it.
   *
   * @param periods the case's ownership periods ({@link #ownershipPeriods})
   */
  private java.util.Optional<Instant> limitOf(
      Viewer viewer, CaseFacts f, List<rs.astra.nrm.consent.AccessPolicy.OwnershipPeriod> periods) {
    if (f.ownerOrganisationId() == viewer.organisationId()) {
      return java.util.Optional.empty();
    }
    return periods.stream()
        .filter(p -> p.organisationId() == viewer.organisationId())
        .map(rs.astra.nrm.consent.AccessPolicy.OwnershipPeriod::until)
        .filter(java.util.Objects::nonNull)
        .max(Instant::compareTo);
  }

  /** The periods of ownership of a case, from its accepted transfers (issue 19). */
  private List<rs.astra.nrm.consent.AccessPolicy.OwnershipPeriod> ownershipPeriods(CaseFacts f) {
    List<rs.astra.nrm.consent.AccessPolicy.Handover> handovers = new java.util.ArrayList<>();
    for (Object[] r :
        em.createQuery(
                "select t.fromOrganisation.id, t.toOrganisation.id, t.answeredAt"
                    + " from CaseTransfer t where t.caseFile.id = :c"
                    + " and t.state = rs.astra.nrm.transfer.TransferState.ACCEPTED"
                    + " order by t.answeredAt, t.id",
                Object[].class)
            .setParameter("c", f.caseId())
            .getResultList()) {
      handovers.add(
          new rs.astra.nrm.consent.AccessPolicy.Handover(
              ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (Instant) r[2]));
    }
    return rs.astra.nrm.consent.AccessPolicy.OwnershipPeriod.of(f.ownerOrganisationId(), handovers);
  }

  /**
   * Who a line names: for a read through the REST API the calling system's client id the record
   * itself holds (an API user's display name is that of her latest token's client, which may be
   * another system than the one that read); otherwise the user's display name, or her login name if
   * she no longer exists.
   *
   * @param a the audit record
   * @param users display names already looked up, by user id
   * @return the name to show
   */
  private String who(AuditRecord a, Map<Long, String> users) {
    if (AuditRecord.CHANNEL_API.equals(a.getChannel())
        && a.getClientId() != null
        && !a.getClientId().isBlank()) {
      return a.getClientId();
    }
    return users.computeIfAbsent(
        a.getUserId(),
        id -> {
          PortalUser u = em.find(PortalUser.class, id);
          return u == null ? a.getUsername() : u.getDisplayName();
        });
  }

  /**
   * The review of the emergency access a permitted read rested on (its id leads the basis
   * reference, e.g. {@code "17"} or {@code "17 Art. 9(2)(c)"}); {@code null} for other reads.
   */
  private String review(AuditRecord a, Map<Long, String> known) {
    if (!a.isPermitted()
        || a.getBasis() != rs.astra.nrm.consent.AccessBasis.BREAK_GLASS
        || a.getBasisRef() == null) {
      return null;
    }
    String first = a.getBasisRef().split(" ", 2)[0];
    try {
      long id = Long.parseLong(first);
      return known.computeIfAbsent(id, reviews::outcome);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
