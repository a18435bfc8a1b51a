package rs.astra.nrm.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The categories a refused referral lacks are named by their labels on pages and in the API. */
class CodeListLabelsTest {

  private static String latin(String key) {
    ResourceBundle b = ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag("sr-Latn"));
    return b.containsKey(key) ? b.getString(key) : key;
  }

  @Test
  void aListOfCategoryCodesIsGivenAsTheirLabelsAndAnUnknownCodeStaysAsItIs() {
    assertEquals(
        List.of(latin("category.IDENTITY") + ", " + latin("category.EXPLOITATION") + ", NOPE"),
        CodeListLabels.labelled(
            "referral.error.consentMissingCategories",
            List.of("IDENTITY, EXPLOITATION,NOPE"),
            CodeListLabelsTest::latin));
    assertEquals("Identitet", latin("category.IDENTITY"), "the Latin label, not the code");
  }

  @Test
  void aStageStepAndTheIdentificationDeciderAreNamedByTheirLabels() {
    assertEquals(
        List.of(latin("stage.ASSISTANCE"), latin("stage.CLOSED")),
        CodeListLabels.labelled(
            "stage.error.notPossible", List.of("ASSISTANCE", "CLOSED"), CodeListLabelsTest::latin));
    assertEquals(
        List.of(latin("organisationType.SOCIAL_WORK_CENTRE")),
        CodeListLabels.labelled(
            "stage.error.notDecider", List.of("SOCIAL_WORK_CENTRE"), CodeListLabelsTest::latin));
    assertEquals("Centar za socijalni rad", latin("organisationType.SOCIAL_WORK_CENTRE"));
  }

  @Test
  void theArgumentsOfOtherMessagesAreLeftAsTheyAre() {
    assertEquals(
        List.of("ACCEPTED"),
        CodeListLabels.labelled(
            "referral.error.wrongState", List.of("ACCEPTED"), CodeListLabelsTest::latin));
  }
}
