package rs.astra.nrm.web.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.web.i18n.Messages;

/** A timeline event's detail names codes by their labels in the user's language (sixth trial). */
class TimelineDetailsTest {

  private static Optional<String> latin(String key) {
    ResourceBundle b = ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag("sr-Latn"));
    return b.containsKey(key) ? Optional.of(b.getString(key)) : Optional.empty();
  }

  private static String shown(String type, String detail) {
    return TimelineDetails.labelled(
        type,
        detail,
        TimelineDetailsTest::latin,
        DateTimeFormatter.ofPattern("dd.MM.yyyy")::format);
  }

  @Test
  void aStageStepAndAnIdentificationDecisionAreShownByTheirLabelsAndTheDayAsTheUserReadsIt() {
    assertEquals(
        latin("stage.ASSISTANCE").orElseThrow() + " → " + latin("stage.CLOSED").orElseThrow(),
        shown("STAGE_CHANGED", "ASSISTANCE → CLOSED"));
    assertEquals(
        "Identifikovana žrtva 06.12.2026",
        shown("IDENTIFICATION_DECIDED", "IDENTIFIED 2026-12-06"));
  }

  @Test
  void namesAndFreeTextStayAsWrittenAndOnlyTheKindsCodesAreReplaced() {
    assertEquals(
        "CP Health · " + latin("purpose.HEALTH_CARE").orElseThrow(),
        shown("REFERRAL_SENT", "CP Health · HEALTH_CARE"));
    assertEquals(
        "Centar · "
            + latin("purpose.HEALTH_CARE").orElseThrow()
            + " · "
            + latin("category.IDENTITY").orElseThrow()
            + ", "
            + latin("category.HEALTH").orElseThrow()
            + " (12)",
        shown("CONSENT_GIVEN", "Centar · HEALTH_CARE · IDENTITY, HEALTH (12)"));
    assertEquals(
        "HEALTH_CARE plan 2026-12-06",
        shown("DOCUMENT_UPLOADED", "HEALTH_CARE plan 2026-12-06"),
        "a document's title is free text");
    assertEquals("", shown("CLOSURE_REQUESTED", null));
  }
}
