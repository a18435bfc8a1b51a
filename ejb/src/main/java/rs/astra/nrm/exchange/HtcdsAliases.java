package rs.astra.nrm.exchange;

import java.util.Map;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.MethodOfRecruitment;

/**
 * Spellings met in real files that differ from the HTCDS 2.0 names, in one place so that each can
 * be justified and, once partners fix their files, removed.
 */
final class HtcdsAliases {

  /**
   * Header texts that stand for an HTCDS field name. The IOM Excel template (HTCDS 2.0 toolkit)
   * misspells the decision-making organisation column.
   */
  static final Map<String, String> FIELD_NAMES =
      Map.of("vic_TraffickinStatusDecisionMakingOrg", "vic_TraffickingStatusDecisionMakingOrg");

  /**
   * Picklist values that stand for an HTCDS value, keyed by the value's enum type. Both come from
   * the partners' caseload (see the sample caseload): older HTCDS drafts used these spellings.
   * {@code RestrictsMovement} needs no alias: it is a constant of {@link MethodOfControl} (a local
   * extension of the picklist).
   */
  static final Map<Class<?>, Map<String, Enum<?>>> VALUES =
      Map.of(
          MethodOfRecruitment.class,
          Map.of("ThroughFriend", MethodOfRecruitment.ThroughFriendsOrSocialEvents),
          MethodOfControl.class,
          Map.of("PsychoactiveSubstances", MethodOfControl.PsychoactiveSubstance));

  private HtcdsAliases() {}
}
