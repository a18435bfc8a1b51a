package rs.astra.nrm.retention;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import rs.astra.nrm.casefile.MergeChains;

/**
 * Anonymises one case, or one hotline call never linked to a case, in the caller's transaction
 * (issue 21 item 4). Rows are kept — with their ids, dates and coded values, which is what every
 * statistics table counts — and every value that names, reaches or describes the person is removed:
 *
 * <ul>
 *   <li>the person: names, name key, title, salutation, e-mail, phones and address are cleared;
 *       gender and citizenship stay; the birth date is replaced by the day that gives the same age
 *       on the day the case was opened (the only age the statistics and the CTDC export take), so
 *       the age band and majority stay while the real birthday goes;
 *   <li>the case: reason for closure and the closure request's reason, places of recruitment and
 *       exploitation, the referring organisation and case worker, the incoming referral's details,
 *       recruiter and employer names and keys; stage, status, trafficking status, forms of
 *       exploitation, means of control, industry and dates stay;
 *   <li>what hangs on the case: timeline details, referrals' details and reasons, consents' notes,
 *       emergency accesses' reasons and review notes, emergency requests' reasons, proceedings'
 *       outcome, sentence and note texts (kind, day, offence, suspects and the victim's status
 *       stay), support services' provider names and notes (type, status and days stay), the safety
 *       plan, assessments, treatments, transfers' and merges' reasons, the data-subject requests'
 *       notes and answers, corrections' earlier and new values and reasons, restrictions' reasons,
 *       lifted holds' reasons, hotline calls linked to the case (summary, outcome, caller's alias
 *       and contact, and their job-offer checks' employer, address and advice);
 *   <li>documents: the encrypted contents and the document's own key are destroyed, the title and
 *       the file name replaced; the row (type, category, size, uploader, time) stays, so the record
 *       that a document existed stays;
 *   <li>cases merged into it (issue 19) are anonymised with it.
 * </ul>
 *
 * The audit trail and the activity record are never touched (append-only): they hold user names and
 * ids, never the person's name. Versioned rows get a new version, so a page still open on the case
 * is told it changed.
 */
@Stateless
public class CaseAnonymiser {

  /** What replaces a required free text. */
  public static final String REMOVED = "-";

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * Anonymises a case and the cases merged into it, also those merged into a case that was merged
   * into it later; does nothing to one anonymised already.
   *
   * @param caseId the case
   * @param today the day of anonymisation (Europe/Belgrade)
   * @return how many documents' contents were destroyed
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public int anonymiseCase(long caseId, LocalDate today) {
    List<Long> ids = new ArrayList<>();
    ids.add(caseId);
    // Cases merged into a case that was merged into this one later are followed too (issue 19);
    // one anonymised already is left as it is (anonymiseOne).
    ids.addAll(MergeChains.absorbedInto(em, caseId));
    int documents = 0;
    for (long id : ids) {
      documents += anonymiseOne(id, today);
    }
    return documents;
  }

  private int anonymiseOne(long caseId, LocalDate today) {
    List<?> found =
        em.createNativeQuery(
                "select c.person_id, c.opened_on, p.birthdate from case_file c join person p on"
                    + " p.id = c.person_id where c.id = ? and c.anonymised_on is null for update")
            .setParameter(1, caseId)
            .getResultList();
    if (found.isEmpty()) {
      return 0;
    }
    Object[] row = (Object[]) found.get(0);
    long personId = ((Number) row[0]).longValue();
    LocalDate birthdate =
        sameAgeOn(toLocalDate(row[1]), row[2] == null ? null : toLocalDate(row[2]));
    String person =
        "update person set salutation = null, first_name = null, second_name = null, title = null,"
            + " email = null, home_phone = null, mobile_phone = null, mailing_street = null,"
            + " mailing_city = null, mailing_state = null, mailing_postal_code = null,"
            + " mailing_country = null, name_key = null, version = version + 1";
    if (birthdate == null) {
      update(person + " where id = ?", personId);
    } else {
      update(person + ", birthdate = ? where id = ?", Date.valueOf(birthdate), personId);
    }
    update(
        "update case_file set reason_for_closure = null, closure_request_reason = null,"
            + " location_of_recruitment = null, location_of_exploitation = null,"
            + " referring_organisation = null, referring_case_worker = null,"
            + " incoming_referral_details = null, recruiter_name = null,"
            + " recruiter_match_key = null, employer_name = null, employer_match_key = null,"
            + " anonymised_on = ?, version = version + 1 where id = ?",
        Date.valueOf(today),
        caseId);
    byCase("update case_event set detail = null", caseId, false);
    byCase(
        "update referral set details = null, rejection_reason = null, revocation_reason = null",
        caseId,
        true);
    byCase("update consent set note = null", caseId, true);
    byCase(
        "update break_glass_access set reason = '" + REMOVED + "', review_note = null",
        caseId,
        false);
    byCase("update emergency_access_request set reason = '" + REMOVED + "'", caseId, true);
    byCase(
        "update proceedings_entry set outcome = null, sentence = null, note = null", caseId, true);
    byCase("update service_entry set provider_name = null, note = null", caseId, true);
    byCase(
        "update safety_plan set risks = '"
            + REMOVED
            + "', measures = '"
            + REMOVED
            + "', emergency_contacts = null",
        caseId,
        true);
    byCase(
        "update assessment_note set assessment = '" + REMOVED + "', recommended_measures = null",
        caseId,
        true);
    byCase("update treatment_record set treatment = '" + REMOVED + "', note = null", caseId, true);
    byCase(
        "update case_transfer set reason = '" + REMOVED + "', decline_reason = null", caseId, true);
    byCase(
        "update data_subject_request set note = null, extension_reason = null, outcome = null,"
            + " answer = null",
        caseId,
        true);
    // The change log of corrections (Art. 16) keeps its rows; on PostgreSQL its trigger allows
    // exactly this emptying (V31).
    byCase(
        "update case_correction set old_value = null, new_value = null, reason = '" + REMOVED + "'",
        caseId,
        false);
    byCase(
        "update case_restriction set reason = '"
            + REMOVED
            + "', lift_reason = case when lifted_at is null then null else '"
            + REMOVED
            + "' end",
        caseId,
        true);
    update(
        "update legal_hold set reason = '"
            + REMOVED
            + "', lift_reason = '"
            + REMOVED
            + "', version = version + 1 where case_file_id = ? and lifted_at is not null",
        caseId);
    update(
        "update case_merge set reason = '"
            + REMOVED
            + "', version = version + 1 where survivor_id = ? or absorbed_id = ?",
        caseId,
        caseId);
    update(
        "update job_offer_check set employer_name = null, destination_address = null,"
            + " advice = null, version = version + 1 where call_id in (select id from"
            + " hotline_call where case_file_id = ?)",
        caseId);
    update(
        "update hotline_call set summary = null, outcome = null, caller_alias = null,"
            + " caller_contact = null, anonymised_on = ?, version = version + 1"
            + " where case_file_id = ?",
        Date.valueOf(today),
        caseId);
    update(
        "delete from case_document_content where document_id in (select id from case_document"
            + " where case_file_id = ?)",
        caseId);
    return update(
        "update case_document set title = '"
            + REMOVED
            + "', original_file_name = '"
            + REMOVED
            + "', wrapped_key = '"
            + REMOVED
            + "', sha256 = '"
            + REMOVED
            + "', version = version + 1 where case_file_id = ? and wrapped_key <> '"
            + REMOVED
            + "'",
        caseId);
  }

  /**
   * Anonymises a hotline call that was never linked to a case: the summary, outcome, the caller's
   * alias and contact and its job-offer check's employer, address and advice go; the month,
   * channel, caller type, language, purpose and the check's outcome and red flags (what the hotline
   * figures count) stay.
   *
   * @param callId the call
   * @param today the day (Europe/Belgrade)
   * @return 1 if it was anonymised, 0 if it was already or is linked to a case
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public int anonymiseCall(long callId, LocalDate today) {
    int n =
        update(
            "update hotline_call set summary = null, outcome = null, caller_alias = null,"
                + " caller_contact = null, anonymised_on = ?, version = version + 1"
                + " where id = ? and case_file_id is null and anonymised_on is null",
            Date.valueOf(today),
            callId);
    if (n > 0) {
      update(
          "update job_offer_check set employer_name = null, destination_address = null,"
              + " advice = null, version = version + 1 where call_id = ?",
          callId);
    }
    return n;
  }

  /**
   * The birth date that gives the same age in whole years on the day the case was opened (so age
   * band and majority are unchanged) without being the real one: that day, that many years earlier.
   * A birth date after the opening day (an error the statistics count as unknown age) is replaced
   * by the day after the opening, which the statistics count as unknown too.
   *
   * @param openedOn the day the case was opened
   * @param birthdate the recorded birth date, or {@code null}
   * @return the replacement, or {@code null} when none was recorded
   */
  public static LocalDate sameAgeOn(LocalDate openedOn, LocalDate birthdate) {
    if (birthdate == null) {
      return null;
    }
    if (birthdate.isAfter(openedOn)) {
      return openedOn.plusDays(1);
    }
    return openedOn.minusYears(Period.between(birthdate, openedOn).getYears());
  }

  private void byCase(String updateSet, long caseId, boolean versioned) {
    update(
        updateSet + (versioned ? ", version = version + 1" : "") + " where case_file_id = ?",
        caseId);
  }

  private int update(String sql, Object... parameters) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      q.setParameter(i + 1, parameters[i]);
    }
    return q.executeUpdate();
  }

  static LocalDate toLocalDate(Object o) {
    if (o instanceof LocalDate d) {
      return d;
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (o instanceof java.util.Date d) {
      return new java.sql.Date(d.getTime()).toLocalDate();
    }
    throw new IllegalStateException("not a date: " + (o == null ? null : o.getClass()));
  }
}
