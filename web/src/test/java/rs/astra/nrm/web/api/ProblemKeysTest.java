package rs.astra.nrm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which an API refusal looks for a member's message (README, REST API). */
class ProblemKeysTest {

  @Test
  void aNestedTextMemberIsNamedByItsJoinedNameFirstAndItsTypeBeforeItsFieldMessage() {
    assertEquals(
        List.of(
            "api.type.checkOutcome",
            "api.type.outcome",
            "api.type.text",
            "api.field.checkOutcome",
            "api.field.outcome",
            "api.field.invalid"),
        Problems.fieldKeys("check.outcome", String.class));
  }

  @Test
  void aWholeNumberGetsTheNumberMessageAfterItsOwnRange() {
    assertEquals(
        List.of("api.type.page", "api.field.page", "api.type.number", "api.field.invalid"),
        Problems.fieldKeys("page", Long.class));
    assertEquals(
        List.of("api.type.size", "api.field.size", "api.type.number", "api.field.invalid"),
        Problems.fieldKeys("size", short.class));
  }

  @Test
  void anUnknownTypeAndAParameterGetOnlyFieldMessages() {
    assertEquals(
        List.of("api.type.reason", "api.field.reason", "api.field.invalid"),
        Problems.fieldKeys("reason", null));
    assertEquals(
        List.of("api.field.checkOutcome", "api.field.outcome", "api.field.invalid"),
        Problems.fieldOnlyKeys("check.outcome"));
    assertEquals(List.of("api.field.body", "api.field.invalid"), Problems.fieldOnlyKeys("body"));
  }
}
