package rs.astra.nrm.support;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.JpqlEnumIndex;

/**
 * Reads the parts of a case's support plan under READ decisions already taken (and audited by the
 * caller): its services, its current safety plan and the institutions' records of each kind, in one
 * statement however many parts are asked (issue 16: a case page in few statements). Each part is a
 * branch of one JPQL {@code UNION ALL} with the scope of its own decision ({@link
 * AccessPolicy#recordsInScope}); a part not asked is no branch.
 *
 * <p>The branches' columns have one type each: kind, id, version, three days, organisation, by
 * whom, three texts, an instant, the organisation's id, then the service's type, category and
 * status as the indexes of their constants ({@link JpqlEnumIndex}; {@code -1} in the other
 * branches). A branch fills a column it has no use for with one of its own of the same type, and
 * nobody reads it:
 *
 * <ul>
 *   <li>a service: planned, started, ended; note, provider's name, provider organisation's name;
 *       recorded at;
 *   <li>the safety plan: its review day (three times); risks, measures, emergency contacts; updated
 *       at;
 *   <li>an institution record: its day (three times); text, note, text again; recorded at.
 * </ul>
 */
final class SupportPlanReads {

  private SupportPlanReads() {}

  /** The kind column of a service's row. */
  private static final String SERVICE = "SERVICE";

  /** The kind column of the safety plan's row. */
  private static final String SAFETY_PLAN = "SAFETY_PLAN";

  /**
   * What to read, each part under its READ decision ({@code null} or empty: not read).
   *
   * @param services the READ decisions of the categories whose services are read
   * @param safetyPlan the READ of SOCIAL, for the current safety plan
   * @param assessments the READ of SOCIAL, for the assessment notes
   * @param treatments the READ of HEALTH, for the treatment records
   */
  record Parts(
      Map<DataCategory, Decision> services,
      Decision safetyPlan,
      Decision assessments,
      Decision treatments) {}

  /**
   * What was read.
   *
   * @param services the services, oldest first (empty when not read)
   * @param safetyPlan the current plan, or {@code null} (none, not in scope, or not read)
   * @param assessments the assessment notes by day and id (empty when not read)
   * @param treatments the treatment records by day and id (empty when not read)
   */
  record Rows(
      List<ServiceRow> services,
      SafetyPlanView safetyPlan,
      List<InstitutionRecordRow> assessments,
      List<InstitutionRecordRow> treatments) {}

  /**
   * Reads the parts asked, in one statement (none when nothing is asked). Which rows the viewer may
   * change is decided here (UPDATE of the category, within its scope); nothing is audited.
   *
   * @param em the persistence context
   * @param enforcer the policy, for the UPDATE decisions
   * @param viewer who reads
   * @param f the case's facts
   * @param parts what to read
   * @param now the time of the decisions
   * @return the rows
   */
  static Rows read(
      EntityManager em,
      AccessEnforcer enforcer,
      Viewer viewer,
      CaseFacts f,
      Parts parts,
      Instant now) {
    Map<DataCategory, Decision> services = parts.services() == null ? Map.of() : parts.services();
    Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
    Set<DataCategory> own = EnumSet.noneOf(DataCategory.class);
    services.forEach((c, d) -> (d.scope() == Decision.Scope.ALL_RECORDS ? all : own).add(c));
    List<String> branches = new ArrayList<>();
    if (!services.isEmpty()) {
      branches.add(servicesBranch(all, own));
    }
    if (parts.safetyPlan() != null) {
      branches.add(
          "select '"
              + SAFETY_PLAN
              + "', p.id, p.version, p.reviewOn, p.reviewOn, p.reviewOn, o.name, u.displayName,"
              + " p.risks, p.measures, p.emergencyContacts, p.updatedAt, o.id, -1, -1, -1"
              + " from SafetyPlan p join p.organisation o join p.updatedBy u"
              + " where p.caseFile.id = :caseId"
              + AccessPolicy.recordsInScope(parts.safetyPlan(), "o.id"));
    }
    if (parts.assessments() != null) {
      branches.add(recordsBranch(InstitutionRecordKind.ASSESSMENT, parts.assessments()));
    }
    if (parts.treatments() != null) {
      branches.add(recordsBranch(InstitutionRecordKind.TREATMENT, parts.treatments()));
    }
    List<ServiceRow> serviceRows = new ArrayList<>();
    List<SafetyPlanView> plans = new ArrayList<>();
    Map<InstitutionRecordKind, List<InstitutionRecordRow>> records =
        new EnumMap<>(InstitutionRecordKind.class);
    for (InstitutionRecordKind kind : InstitutionRecordKind.values()) {
      records.put(kind, new ArrayList<>());
    }
    if (branches.isEmpty()) {
      return new Rows(List.of(), null, List.of(), List.of());
    }
    var query =
        em.createQuery(String.join(" union all ", branches), Object[].class)
            .setParameter("caseId", f.caseId());
    if (!all.isEmpty()) {
      query.setParameter("all", all);
    }
    if (!own.isEmpty()) {
      query.setParameter("own", own);
    }
    AccessPolicy.bindOwnRecords(query, viewer);
    Changeable changeable = Changeable.of(enforcer, viewer, f, services.keySet(), now);
    Decision planUpdate =
        parts.safetyPlan() == null
            ? null
            : enforcer.decide(viewer, f, DataCategory.SOCIAL, AccessAction.UPDATE, now);
    for (Object[] r : query.getResultList()) {
      String kind = (String) r[0];
      long organisationId = (Long) r[12];
      if (SERVICE.equals(kind)) {
        DataCategory category = JpqlEnumIndex.constant(DataCategory.class, r[14]);
        serviceRows.add(
            new ServiceRow(
                (Long) r[1],
                ((Number) r[2]).longValue(),
                JpqlEnumIndex.constant(ServiceType.class, r[13]),
                category,
                (String) r[10],
                (String) r[9],
                JpqlEnumIndex.constant(ServiceStatus.class, r[15]),
                (LocalDate) r[3],
                (LocalDate) r[4],
                (LocalDate) r[5],
                (String) r[8],
                (String) r[6],
                (String) r[7],
                (Instant) r[11],
                changeable.of(category, organisationId, viewer)));
      } else if (SAFETY_PLAN.equals(kind)) {
        plans.add(
            new SafetyPlanView(
                ((Number) r[2]).longValue(),
                (String) r[8],
                (String) r[9],
                (String) r[10],
                (LocalDate) r[3],
                (String) r[6],
                (String) r[7],
                (Instant) r[11],
                planUpdate.permitted()
                    && (planUpdate.scope() == Decision.Scope.ALL_RECORDS
                        || organisationId == viewer.organisationId())));
      } else {
        records
            .get(InstitutionRecordKind.valueOf(kind))
            .add(
                new InstitutionRecordRow(
                    (Long) r[1],
                    (LocalDate) r[3],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    (String) r[9]));
      }
    }
    serviceRows.sort(
        Comparator.comparing(ServiceRow::recordedAt).thenComparingLong(ServiceRow::id));
    Comparator<InstitutionRecordRow> byDay =
        Comparator.comparing(InstitutionRecordRow::day).thenComparingLong(InstitutionRecordRow::id);
    return new Rows(
        List.copyOf(serviceRows),
        // A case has at most one current plan.
        plans.isEmpty() ? null : plans.get(0),
        records.get(InstitutionRecordKind.ASSESSMENT).stream().sorted(byDay).toList(),
        records.get(InstitutionRecordKind.TREATMENT).stream().sorted(byDay).toList());
  }

  /**
   * The services of the case in the categories read: those of {@code :all} every organisation's,
   * those of {@code :own} the viewer's organisation's only.
   */
  private static String servicesBranch(Set<DataCategory> all, Set<DataCategory> own) {
    return "select '"
        + SERVICE
        + "', s.id, s.version, s.plannedOn, s.startedOn, s.endedOn, o.name, u.displayName,"
        + " s.note, s.providerName, v.name, s.recordedAt, o.id, "
        + JpqlEnumIndex.of("s.type", ServiceType.class)
        + ", "
        + JpqlEnumIndex.of("s.category", DataCategory.class)
        + ", "
        + JpqlEnumIndex.of("s.status", ServiceStatus.class)
        + " from ServiceEntry s join s.organisation o join s.recordedBy u"
        + " left join s.providerOrganisation v where s.caseFile.id = :caseId and ("
        + (all.isEmpty() ? "" : "s.category in :all")
        + (all.isEmpty() || own.isEmpty() ? "" : " or ")
        + (own.isEmpty() ? "" : "(s.category in :own and " + AccessPolicy.ownRecords("o.id") + ")")
        + ")";
  }

  /** One kind's institution records of the case within the READ decision's scope. */
  private static String recordsBranch(InstitutionRecordKind kind, Decision read) {
    return "select '"
        + kind.name()
        + "', r.id, r.version, r.day, r.day, r.day, o.name, u.displayName, r.text, r.note,"
        + " r.text, r.recordedAt, o.id, -1, -1, -1 from "
        + kind.entity().getSimpleName()
        + " r join r.organisation o join r.recordedBy u where r.caseFile.id = :caseId"
        + AccessPolicy.recordsInScope(read, "o.id");
  }

  /**
   * Which services the viewer may change: the categories she may UPDATE, each with every
   * organisation's services or her own organisation's only.
   */
  private record Changeable(Set<DataCategory> all, Set<DataCategory> own) {

    static Changeable of(
        AccessEnforcer enforcer,
        Viewer viewer,
        CaseFacts f,
        Set<DataCategory> categories,
        Instant now) {
      Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
      Set<DataCategory> own = EnumSet.noneOf(DataCategory.class);
      for (DataCategory c : categories) {
        Decision d = enforcer.decide(viewer, f, c, AccessAction.UPDATE, now);
        if (d.permitted()) {
          (d.scope() == Decision.Scope.ALL_RECORDS ? all : own).add(c);
        }
      }
      return new Changeable(all, own);
    }

    boolean of(DataCategory category, long organisationId, Viewer viewer) {
      return all.contains(category)
          || (own.contains(category) && organisationId == viewer.organisationId());
    }
  }
}
