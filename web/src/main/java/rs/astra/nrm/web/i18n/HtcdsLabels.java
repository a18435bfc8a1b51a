package rs.astra.nrm.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.HtcdsPicklistValue;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.MethodOfRecruitment;
import rs.astra.nrm.casefile.ReferralReason;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.TraffickingStatusDecisionMakingOrg;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.casefile.TypeOfSexExploitation;

/**
 * The label of an HTCDS picklist value in the user's language. The HTCDS English label that the
 * value carries ({@link HtcdsPicklistValue#htcdsLabel()}) is for the HTCDS files; pages show the
 * bundle text under {@code <prefix><ValueName>}, the prefix being the picklist's (e.g. {@code
 * recruitment.ThroughAnOnlineAdvertisement}). {@code HtcdsLabelsTest} fails when a picklist has no
 * prefix here or a value has no text in one of the three bundles.
 */
@Named
@RequestScoped
public class HtcdsLabels {

  private static final Map<Class<? extends HtcdsPicklistValue>, String> PREFIXES =
      Map.of(
          MethodOfRecruitment.class, "recruitment.",
          MethodOfControl.class, "control.",
          TypeOfExploitation.class, "exploitation.",
          TypeOfSexExploitation.class, "sexExploitation.",
          ForcedLabourIndustry.class, "industry.",
          TraffickingStatusDecisionMakingOrg.class, "statusDecidedBy.",
          TraffickingStatus.class, "traffickingStatus.",
          Gender.class, "gender.",
          ReferralReason.class, "referralReason.",
          CaseStatus.class, "caseStatus.");

  @Inject private Messages messages;

  /**
   * @return every picklist that has labels
   */
  public static Set<Class<? extends HtcdsPicklistValue>> picklists() {
    return PREFIXES.keySet();
  }

  /**
   * The bundle key of a value's label.
   *
   * @param value a picklist value
   * @return e.g. {@code control.DebtBondage}
   * @throws IllegalArgumentException for a picklist with no prefix here
   */
  public static String key(HtcdsPicklistValue value) {
    String prefix = PREFIXES.get(((Enum<?>) value).getDeclaringClass());
    if (prefix == null) {
      throw new IllegalArgumentException("no labels for the picklist " + value.getClass());
    }
    return prefix + value.name();
  }

  /**
   * @param value a picklist value, may be {@code null}
   * @return its label in the user's language, or an empty string for {@code null}
   */
  public String of(HtcdsPicklistValue value) {
    return value == null ? "" : messages.get(key(value));
  }

  /**
   * The labels of a multi-valued field as one text.
   *
   * @param values the field's values, in their order; may be {@code null}
   * @return their labels in the user's language, separated by a comma and a space; empty when none
   */
  public String list(Collection<? extends HtcdsPicklistValue> values) {
    return values == null ? "" : values.stream().map(this::of).collect(Collectors.joining(", "));
  }
}
