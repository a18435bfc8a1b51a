package rs.astra.nrm.web.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.Purpose;

/**
 * The fixed choices of every consent and referral form (the case page, the new-case wizard):
 * purposes, personal data categories and ways of giving consent, in their declared order. Labels
 * come from the bundles ({@code purpose.*}, {@code category.*}, {@code consentMethod.*}).
 */
@Named
@ApplicationScoped
public class ConsentChoices {

  /**
   * @return the purposes
   */
  public Purpose[] getPurposes() {
    return Purpose.values();
  }

  /**
   * @return the personal categories (all but the case summary, which always travels)
   */
  public List<DataCategory> getPersonalCategories() {
    return EnumSet.allOf(DataCategory.class).stream().filter(DataCategory::isPersonal).toList();
  }

  /**
   * @return the ways a consent is given
   */
  public ConsentMethod[] getMethods() {
    return ConsentMethod.values();
  }
}
