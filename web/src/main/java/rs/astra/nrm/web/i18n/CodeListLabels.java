package rs.astra.nrm.web.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The arguments of a service's refusal that are codes or lists of codes ({@code IDENTITY, HEALTH};
 * {@code CPTV}), given as the labels the pages show in the user's language ("Identitet, Zdravlje").
 * One place for the pages' messages ({@code UserFeedback}) and the REST API's problems ({@code
 * ApiExceptionMapper}), so that a refused referral names the missing categories alike in both.
 */
public final class CodeListLabels {

  /**
   * The messages whose arguments are codes or lists of codes → the prefix of the labels' keys (a
   * stage step's refusal names two stages, the identification decider's an organisation's kind).
   */
  private static final Map<String, String> LABEL_PREFIX_BY_MESSAGE =
      Map.of(
          "referral.error.noConsent", "category.",
          "referral.error.consentMissingCategories", "category.",
          "stage.error.notPossible", "stage.",
          "stage.error.notDecider", "organisationType.");

  private CodeListLabels() {}

  /**
   * The arguments of a message with each list of codes replaced by its labels.
   *
   * @param messageKey the refusal's message key
   * @param arguments its arguments, as the service gave them
   * @param text the label of a key in the user's language (the key itself when there is none)
   * @return the arguments to format the message with; unchanged for a message without code lists,
   *     and a code without a label stays as it is
   */
  public static List<String> labelled(
      String messageKey, List<String> arguments, UnaryOperator<String> text) {
    String prefix = LABEL_PREFIX_BY_MESSAGE.get(messageKey);
    if (prefix == null) {
      return arguments;
    }
    return arguments.stream()
        .map(
            list ->
                String.join(
                    ", ",
                    Arrays.stream(list.split(",\\s*"))
                        .map(String::strip)
                        .map(
                            code -> {
                              String label = text.apply(prefix + code);
                              return label == null || label.equals(prefix + code) ? code : label;
                            })
                        .toList()))
        .toList();
  }
}
