package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessBasis;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.consent.DenyReason;
import rs.astra.nrm.notification.NotificationKind;
import rs.astra.nrm.notification.Notifications;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.rights.DataSubjectRequest;
import rs.astra.nrm.rights.RequestKind;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.NrmTime;

/**
 * Rectification with history (issue 21; GDPR Art. 16 and 19; ZZPL art. 29 and 33): the owning
 * organisation corrects a field of the person or of the case ({@link CorrectableField}), with a
 * reason and optionally the data-subject request of kind rectification it answers. The earlier and
 * the new value are kept in the append-only {@link CaseCorrection} log. Who corrects is the
 * policy's answer for UPDATE of the field's category with basis {@link AccessBasis#OWNER} (a
 * restricted case is corrected by nobody until it is lifted). Each organisation that received the
 * category through a live referral (for CASE_SUMMARY, which every live referral shows: each
 * recipient of one) is told that the category of the case changed — the case code and the category,
 * never the value (Art. 19).
 */
@Stateless
public class CaseCorrectionService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private Notifications notifications;

  /**
   * What a rectification asks.
   *
   * @param field the field to correct
   * @param newValue the new value as typed (see {@link Person#correct})
   * @param reason why (1–2000 characters)
   * @param requestId the data-subject request of kind rectification of this case, or {@code null}
   */
  public record CorrectionForm(
      CorrectableField field, String newValue, String reason, Long requestId) {}

  /**
   * What the viewer may correct on a case, for the form.
   *
   * @param personVersion the version of the person's record now
   * @param caseVersion the version of the case's record now
   * @param fields the fields she may correct (their category's UPDATE as owner)
   */
  public record Correctable(long personVersion, long caseVersion, List<CorrectableField> fields)
      implements java.io.Serializable {

    /**
     * @param field a field
     * @return the version of the record that holds it (the case's or the person's), to pass to
     *     {@link CaseCorrectionService#correct}
     */
    public long versionOf(CorrectableField field) {
      return field != null && field.isOfCase() ? caseVersion : personVersion;
    }
  }

  /**
   * The fields the viewer may correct on a case and the versions of the person and the case now;
   * nothing is read of the case's data, so nothing is recorded.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return empty when she may correct nothing
   */
  public java.util.Optional<Correctable> correctable(Viewer viewer, long caseId) {
    List<CorrectableField> fields = fieldsToCorrect(viewer, caseId);
    if (fields.isEmpty()) {
      return java.util.Optional.empty();
    }
    // Both versions in one column query: the case's and the person's rows were two reads (issue 16,
    // statements per case page).
    return em.createQuery(
            "select p.version, c.version from CaseFile c join c.person p where c.id = :id",
            Object[].class)
        .setParameter("id", caseId)
        .getResultStream()
        .findFirst()
        .map(v -> new Correctable((Long) v[0], (Long) v[1], fields));
  }

  /**
   * As {@link #correctable(Viewer, long)}, for a caller that has read the case and its person in
   * this request (the case page, from its {@link CaseView}): their versions are not read again
   * (issue 16, statements per case page). A stale version is refused by {@link #correct} as a
   * concurrent update, as always.
   *
   * @param viewer who asks
   * @param caseId the case
   * @param personVersion the person's version as read ({@link CaseView#personVersion()})
   * @param caseVersion the case's version as read ({@link CaseView#version()})
   * @return empty when she may correct nothing
   */
  public java.util.Optional<Correctable> correctable(
      Viewer viewer, long caseId, long personVersion, long caseVersion) {
    List<CorrectableField> fields = fieldsToCorrect(viewer, caseId);
    return fields.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(new Correctable(personVersion, caseVersion, fields));
  }

  /** The fields whose category the policy lets the viewer update as the case's owner. */
  private List<CorrectableField> fieldsToCorrect(Viewer viewer, long caseId) {
    CaseFacts facts = caseAccess.facts(caseId).orElse(null);
    if (facts == null) {
      return List.of();
    }
    Instant now = Instant.now();
    List<CorrectableField> fields = new ArrayList<>();
    for (CorrectableField f : CorrectableField.values()) {
      Decision d = enforcer.decide(viewer, facts, f.category(), AccessAction.UPDATE, now);
      if (d.permitted() && d.basis() == AccessBasis.OWNER) {
        fields.add(f);
      }
    }
    return List.copyOf(fields);
  }

  /**
   * Corrects one field of the case's person ({@link Person#correct}) or of the case itself ({@link
   * CaseFile#correct}).
   *
   * @param viewer a user of the owning organisation who may update the field's category
   * @param caseId the case
   * @param version the version the user saw of the record that holds the field: the person's for a
   *     field of the person, the case's for a field of the case ({@link Correctable#versionOf})
   * @param form the correction
   * @return how many organisations were told (Art. 19)
   * @throws AccessDeniedException when the policy does not let the viewer update it as owner
   * @throws ConcurrentUpdateException when someone changed the person (or the case) meanwhile
   * @throws InvalidRequestException {@code correction.error.field}, {@code
   *     correction.error.reason}, {@code correction.error.value}, {@code
   *     correction.error.unchanged} or {@code correction.error.request}
   */
  public int correct(Viewer viewer, long caseId, long version, CorrectionForm form) {
    if (form == null || form.field() == null) {
      throw new InvalidRequestException("correction.error.field");
    }
    Instant now = Instant.now();
    CaseFacts facts =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    DataCategory category = form.field().category();
    Decision d = enforcer.require(viewer, facts, category, AccessAction.UPDATE, now);
    if (d.basis() != AccessBasis.OWNER) {
      throw new AccessDeniedException(
          category, AccessAction.UPDATE, DenyReason.ACTION_NOT_PERMITTED);
    }
    if (form.reason() == null
        || form.reason().isBlank()
        || form.reason().strip().length() > CaseCorrection.MAX_REASON) {
      throw new InvalidRequestException("correction.error.reason");
    }
    if (form.requestId() != null) {
      DataSubjectRequest r = em.find(DataSubjectRequest.class, form.requestId());
      if (r == null || r.getCaseId() != caseId || r.getKind() != RequestKind.RECTIFICATION) {
        throw new InvalidRequestException("correction.error.request");
      }
    }
    CaseFile c = em.find(CaseFile.class, caseId);
    Person p = c.getPerson();
    boolean ofCase = form.field().isOfCase();
    String record = ofCase ? "case" : "person";
    if ((ofCase ? c.getVersion() : p.getVersion()) != version) {
      throw new ConcurrentUpdateException(record);
    }
    String before = ofCase ? c.valueOf(form.field()) : p.valueOf(form.field());
    try {
      if (ofCase) {
        c.correct(form.field(), form.newValue(), NrmTime.today());
      } else {
        p.correct(form.field(), form.newValue(), NrmTime.today());
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("correction.error.value");
    }
    String after = ofCase ? c.valueOf(form.field()) : p.valueOf(form.field());
    if (java.util.Objects.equals(before, after)) {
      throw new InvalidRequestException("correction.error.unchanged");
    }
    em.persist(
        new CaseCorrection(
            caseId,
            p.getId(),
            form.field(),
            before,
            after,
            viewer.userId(),
            now,
            form.reason(),
            form.requestId()));
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConcurrentUpdateException(record);
    }
    // Art. 19: each recipient of the category through a live referral learns that it changed.
    Set<Long> told = enforcer.toldOfCorrection(facts, category);
    for (long org : told) {
      notifications.tell(
          NotificationKind.CASE_DATA_CORRECTED, caseId, c.getCode(), org, category.name());
    }
    return told.size();
  }

  /**
   * The change log of a case, oldest first: to the owner's staff, the entries of each category the
   * policy lets them read as owner (each category shown is an audited read), and to the owner's
   * data protection officer every entry without its earlier and new values (she answers the
   * person's request but reads no case data); nobody else sees any.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return the entries she may see
   */
  public List<CorrectionLine> history(Viewer viewer, long caseId) {
    CaseFacts facts = caseAccess.facts(caseId).orElse(null);
    if (facts == null || facts.ownerOrganisationId() != viewer.organisationId()) {
      return List.of();
    }
    List<CaseCorrection> all =
        em.createNamedQuery(CaseCorrection.OF_CASE, CaseCorrection.class)
            .setParameter("caseId", caseId)
            .getResultList();
    if (all.isEmpty()) {
      return List.of();
    }
    Set<DataCategory> readable = EnumSet.noneOf(DataCategory.class);
    if (viewer.role() == PortalRole.DPO) {
      all.forEach(k -> readable.add(k.getCategory()));
    } else {
      Instant now = Instant.now();
      Set<DataCategory> logged = EnumSet.noneOf(DataCategory.class);
      all.forEach(k -> logged.add(k.getCategory()));
      for (DataCategory category : logged) {
        Decision d = enforcer.decide(viewer, facts, category, AccessAction.READ, now);
        if (d.permitted() && d.basis() == AccessBasis.OWNER) {
          enforcer.require(viewer, facts, category, AccessAction.READ, now);
          readable.add(category);
        }
      }
    }
    // The data protection officer reads no case data (AccessPolicy, rule 1): she sees that, when,
    // by whom and why a field was corrected, never the values.
    boolean values = viewer.role() != PortalRole.DPO;
    List<CorrectionLine> lines = new ArrayList<>();
    for (CaseCorrection k : all) {
      if (readable.contains(k.getCategory())) {
        PortalUser by = em.find(PortalUser.class, k.getCorrectedBy());
        lines.add(
            new CorrectionLine(
                k.getField(),
                values ? k.getOldValue() : null,
                values ? k.getNewValue() : null,
                by == null ? "?" : by.getDisplayName(),
                k.getCorrectedAt(),
                k.getReason(),
                k.getRequestId()));
      }
    }
    return lines;
  }
}
