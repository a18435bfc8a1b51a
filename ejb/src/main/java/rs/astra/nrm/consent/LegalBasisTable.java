package rs.astra.nrm.consent;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.OrganisationType;

/**
 * The legal bases other than consent on which an organisation that does not own a case may process
 * its data — the one place to read and change them. Each rule names who (organisation types), what
 * (categories, actions), on which relation to the case, which records, and the law it rests on.
 *
 * <p>Sources: GDPR (Regulation (EU) 2016/679) Art. 6(1)(c) legal obligation, 6(1)(e) public task,
 * 9(2)(g) substantial public interest, 10 criminal-offence data; the Serbian Law on Personal Data
 * Protection (Zakon o zaštiti podataka o ličnosti, Sl. glasnik RS 87/2018) art. 12 (lawfulness) and
 * art. 17 (special categories), which mirror them; the Criminal Procedure Code (Zakonik o krivičnom
 * postupku) for police and prosecutors.
 */
public final class LegalBasisTable {

  /**
   * One legal basis.
   *
   * @param code stable identifier, stored in audit records and referrals
   * @param organisationTypes who may rely on it
   * @param categories the categories it covers
   * @param actions the actions it allows
   * @param relation what relation to the case the organisation needs
   * @param requiredPurpose the purpose the referral must have; {@code null} = any
   * @param scope which records it covers
   * @param citation the law, for people who review the table
   */
  public record Rule(
      String code,
      Set<OrganisationType> organisationTypes,
      Set<DataCategory> categories,
      Set<AccessAction> actions,
      Relation relation,
      Purpose requiredPurpose,
      Decision.Scope scope,
      String citation) {}

  /** The relation to the case a rule requires. */
  public enum Relation {
    /** A live referral (SENT, ACCEPTED or COMPLETED) to the organisation. */
    LIVE_REFERRAL,
    /** Any referral to the organisation, in any state, now or in the past. */
    ANY_REFERRAL
  }

  /** The rules, in the order they are tried. */
  public static final List<Rule> RULES =
      List.of(
          new Rule(
              "RECIPIENT_CASE_SUMMARY",
              EnumSet.allOf(OrganisationType.class),
              EnumSet.of(DataCategory.CASE_SUMMARY),
              EnumSet.of(AccessAction.READ, AccessAction.EXPORT),
              Relation.LIVE_REFERRAL,
              null,
              Decision.Scope.ALL_RECORDS,
              "No personal data: the recipient of a referral sees the case summary so that it can act on the referral (GDPR Art. 5(1)(c))."),
          new Rule(
              "OWN_PROCEEDINGS_RECORDS",
              EnumSet.of(OrganisationType.POLICE, OrganisationType.PROSECUTOR),
              EnumSet.of(DataCategory.LEGAL_PROCEEDINGS),
              EnumSet.of(AccessAction.READ, AccessAction.UPDATE, AccessAction.EXPORT),
              Relation.ANY_REFERRAL,
              null,
              Decision.Scope.OWN_RECORDS,
              "Police and prosecutors keep the records of their own criminal proceedings: GDPR Art. 6(1)(c) and 10; Law 87/2018 art. 12(1)(3); Criminal Procedure Code."),
          new Rule(
              "CPTV_IDENTIFICATION",
              EnumSet.of(OrganisationType.CPTV),
              EnumSet.of(DataCategory.IDENTITY, DataCategory.EXPLOITATION),
              EnumSet.of(AccessAction.READ),
              Relation.LIVE_REFERRAL,
              Purpose.IDENTIFICATION,
              Decision.Scope.ALL_RECORDS,
              "Formal identification of victims is the legal task of the CPTV: GDPR Art. 6(1)(e) and 9(2)(g); Law 87/2018 art. 12(1)(5) and 17."));

  private LegalBasisTable() {}

  /**
   * The rule with a code.
   *
   * @param code e.g. {@code CPTV_IDENTIFICATION}
   * @return the rule, or empty
   */
  public static Optional<Rule> byCode(String code) {
    return RULES.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /**
   * The rules that could apply to an organisation type, category and action, before the relation to
   * the case is checked.
   *
   * @param type the organisation's type
   * @param category the category
   * @param action the action
   * @return matching rules in table order
   */
  public static List<Rule> candidates(
      OrganisationType type, DataCategory category, AccessAction action) {
    return RULES.stream()
        .filter(
            r ->
                r.organisationTypes().contains(type)
                    && r.categories().contains(category)
                    && r.actions().contains(action))
        .toList();
  }
}
