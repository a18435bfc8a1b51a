package rs.astra.nrm.exchange;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.Person;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessBasis;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.CaseFactsLoader;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.shared.NrmTime;

/**
 * Exports cases in the HTCDS 2.0 format (the IOM Excel template or CSV with HTCDS field names),
 * holding only what the access policy permits the exporting user to EXPORT, case by case and
 * category by category.
 *
 * <ul>
 *   <li>Cases: those whose CASE_SUMMARY the user may export (the same predicate as the case list,
 *       for action EXPORT), in case-code order.
 *   <li>Fields: each HTCDS field belongs to a {@link DataCategory} ({@link HtcdsField#category()});
 *       a field of a category the policy denies for that case is left empty. An emergency access
 *       never covers an export (it permits READ only).
 *   <li>{@code cas_CaseOwner} (a staff member's user name) only when the user's organisation owns
 *       the case; the outgoing referral is the case's first referral the user may see (all for the
 *       owner, her organisation's own otherwise), as HTCDS holds one referral per case row.
 *   <li>Audit: every personal category the file carries (IDENTITY, CONTACT, EXPLOITATION) and the
 *       policy permits is one audit record per case with action EXPORT and its basis, written
 *       together after the file is built (GDPR Art. 30; Law 87/2018 art. 47). The case summary is
 *       not personal data and is not recorded, as for reading; categories the file does not carry
 *       (health, proceedings, social) are not recorded either.
 * </ul>
 *
 * A file exported by the owning organisation re-imports through {@link HtcdsImportService} with the
 * same HTCDS fields.
 */
@Stateless
public class HtcdsExportService {

  private static final Logger LOG = Logger.getLogger(HtcdsExportService.class.getName());

  /** Cases loaded and decided together. */
  private static final int CHUNK = 200;

  /**
   * The personal categories an HTCDS file carries (IDENTITY, CONTACT, EXPLOITATION): only these are
   * recorded as exported, as a case page records only the categories it shows.
   */
  private static final Set<DataCategory> CARRIED = carried();

  private static Set<DataCategory> carried() {
    Set<DataCategory> carried = EnumSet.noneOf(DataCategory.class);
    for (HtcdsField field : HtcdsField.values()) {
      if (field.category().isPersonal()) {
        carried.add(field.category());
      }
    }
    return carried;
  }

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private AccessPolicy policy;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseFactsLoader factsLoader;

  /** The file formats. */
  public enum Format {
    /** The IOM HTCDS 2.0 Excel template. */
    XLSX,
    /** UTF-8 CSV with the HTCDS field names in the header. */
    CSV
  }

  /**
   * An exported file.
   *
   * @param fileName a suggested file name, e.g. {@code htcds-2026-05-11.xlsx}
   * @param contentType its media type
   * @param content the bytes
   * @param cases how many cases it holds
   */
  public record ExportFile(String fileName, String contentType, byte[] content, int cases)
      implements Serializable {}

  /**
   * Exports every case the viewer may export.
   *
   * @param viewer who exports
   * @param format workbook or CSV
   * @return the file; with no case rows when the viewer may export none (administrators, DPOs)
   */
  public ExportFile export(Viewer viewer, Format format) {
    Instant now = Instant.now();
    List<HtcdsCaseRecord> records = new ArrayList<>();
    List<AuditTrail.Entry> audit = new ArrayList<>();
    List<Long> ids = exportableCaseIds(viewer, now);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      Map<Long, CaseFacts> facts = factsLoader.load(chunk);
      Map<Long, CaseFile> cases = new HashMap<>();
      for (CaseFile c :
          em.createQuery(
                  "select c from CaseFile c join fetch c.person join fetch c.ownerUser where c.id in :ids",
                  CaseFile.class)
              .setParameter("ids", chunk)
              .getResultList()) {
        cases.put(c.getId(), c);
      }
      Map<Long, List<Referral>> referrals = new HashMap<>();
      for (Referral r :
          em.createQuery(
                  "select r from Referral r join fetch r.toOrganisation where r.caseFile.id in :ids order by r.referralDate, r.id",
                  Referral.class)
              .setParameter("ids", chunk)
              .getResultList()) {
        referrals.computeIfAbsent(r.getCaseFile().getId(), k -> new ArrayList<>()).add(r);
      }
      for (Long id : chunk) {
        CaseFacts f = facts.get(id);
        CaseFile c = cases.get(id);
        if (f == null || c == null) {
          continue;
        }
        Set<DataCategory> permitted = EnumSet.noneOf(DataCategory.class);
        boolean owner = false;
        for (DataCategory category : DataCategory.values()) {
          Decision d = enforcer.decide(viewer, f, category, AccessAction.EXPORT, now);
          if (d.permitted()) {
            permitted.add(category);
            owner |= category == DataCategory.CASE_SUMMARY && d.basis() == AccessBasis.OWNER;
            if (CARRIED.contains(category)) {
              audit.add(new AuditTrail.Entry(id, f.personId(), category, AccessAction.EXPORT, d));
            }
          }
        }
        if (!permitted.contains(DataCategory.CASE_SUMMARY)) {
          continue;
        }
        Referral referral =
            referrals.getOrDefault(id, List.of()).stream()
                .filter(
                    r ->
                        f.ownerOrganisationId() == viewer.organisationId()
                            || r.getToOrganisation().getId() == viewer.organisationId())
                .findFirst()
                .orElse(null);
        records.add(record(c, referral, permitted, owner));
      }
    }
    enforcer.recordPermits(viewer, now, audit);
    // Counts only: the file's contents are personal data.
    LOG.log(
        Level.INFO,
        "HTCDS export by user {0}: {1} cases",
        new Object[] {viewer.userId(), records.size()});

    HtcdsSpreadsheetWriter writer = new HtcdsSpreadsheetWriter();
    String day = LocalDate.ofInstant(now, NrmTime.ZONE).toString();
    return format == Format.XLSX
        ? new ExportFile(
            "htcds-" + day + ".xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            writer.workbook(records),
            records.size())
        : new ExportFile(
            "htcds-" + day + ".csv",
            "text/csv; charset=UTF-8",
            writer.csv(records),
            records.size());
  }

  private List<Long> exportableCaseIds(Viewer viewer, Instant now) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> q = cb.createQuery(Long.class);
    Root<CaseFile> c = q.from(CaseFile.class);
    q.select(c.get("id"))
        .where(
            policy.permits(cb, q, c, viewer, DataCategory.CASE_SUMMARY, AccessAction.EXPORT, now),
            // A case merged into another (issue 19): its records are exported with the survivor.
            cb.isNull(c.get("mergedIntoId")))
        .orderBy(cb.asc(c.get("code")), cb.asc(c.get("id")));
    return em.createQuery(q).getResultList();
  }

  private static HtcdsCaseRecord record(
      CaseFile c, Referral referral, Set<DataCategory> permitted, boolean owner) {
    Person p = c.getPerson();
    Map<HtcdsField, Object> v = new EnumMap<>(HtcdsField.class);
    v.put(HtcdsField.CASE_OWNER, owner ? c.getOwnerUser().getUsername() : null);
    v.put(HtcdsField.SALUTATION, p.getSalutation());
    v.put(HtcdsField.FIRST_NAME, p.getFirstName());
    v.put(HtcdsField.SECOND_NAME, p.getSecondName());
    v.put(HtcdsField.CONSENT, c.getConsentFlag());
    v.put(HtcdsField.BIRTHDATE, p.getBirthdate());
    v.put(HtcdsField.GENDER, p.getGender());
    v.put(HtcdsField.CITIZENSHIP, p.getCitizenship());
    v.put(HtcdsField.TITLE, p.getTitle());
    v.put(HtcdsField.EMAIL, p.getEmail());
    v.put(HtcdsField.HOME_PHONE, p.getHomePhone());
    v.put(HtcdsField.MOBILE_PHONE, p.getMobilePhone());
    v.put(HtcdsField.MAILING_STREET, p.getMailingStreet());
    v.put(HtcdsField.MAILING_CITY, p.getMailingCity());
    v.put(HtcdsField.MAILING_STATE, p.getMailingState());
    v.put(HtcdsField.MAILING_POSTAL_CODE, p.getMailingPostalCode());
    v.put(HtcdsField.MAILING_COUNTRY, p.getMailingCountry());
    v.put(HtcdsField.TRAFFICKING_STATUS, c.getTraffickingStatus());
    v.put(
        HtcdsField.TRAFFICKING_STATUS_DECISION_MAKING_ORG,
        c.getTraffickingStatusDecisionMakingOrg());
    v.put(HtcdsField.METHOD_OF_RECRUITMENT, c.getMethodOfRecruitment());
    v.put(HtcdsField.LOCATION_OF_RECRUITMENT, c.getLocationOfRecruitment());
    v.put(HtcdsField.METHODS_OF_CONTROL, c.getMethodsOfControl());
    v.put(HtcdsField.TYPE_OF_EXPLOITATION, c.getTypeOfExploitation());
    v.put(HtcdsField.FORCED_LABOUR_INDUSTRY, c.getForcedLabourIndustry());
    v.put(HtcdsField.TYPE_OF_SEX_EXPLOITATION, c.getTypeOfSexExploitation());
    v.put(HtcdsField.LOCATION_OF_EXPLOITATION, c.getLocationOfExploitation());
    v.put(HtcdsField.CASE_STATUS, c.getStatus());
    v.put(HtcdsField.REFERRING_ORGANISATION, c.getReferringOrganisation());
    v.put(HtcdsField.INCOMING_REFERRAL_DATE, c.getIncomingReferralDate());
    v.put(HtcdsField.REFERRING_PRIMARY_CASE_WORKER, c.getReferringPrimaryCaseWorker());
    v.put(HtcdsField.REASON_FOR_INCOMING_REFERRAL, c.getReasonForIncomingReferral());
    v.put(HtcdsField.INCOMING_REFERRAL_DETAILS, c.getIncomingReferralDetails());
    v.put(
        HtcdsField.REFERRED_ORGANISATION,
        referral == null ? null : referral.getToOrganisation().getName());
    v.put(HtcdsField.REFERRED_PRIMARY_CASE_WORKER, null);
    v.put(HtcdsField.REASON_FOR_OUTGOING_REFERRAL, referral == null ? null : referral.getReason());
    v.put(HtcdsField.OUTGOING_REFERRAL_DATE, referral == null ? null : referral.getReferralDate());
    v.put(HtcdsField.OUTGOING_REFERRAL_DETAILS, referral == null ? null : referral.getDetails());
    v.put(HtcdsField.REASON_FOR_CASE_CLOSURE, c.getReasonForCaseClosure());
    for (HtcdsField field : HtcdsField.values()) {
      if (!permitted.contains(field.category()) || v.get(field) == null) {
        v.put(field, HtcdsCellConverter.blank(field));
      }
    }
    return HtcdsSpreadsheetReader.record(0, v);
  }
}
