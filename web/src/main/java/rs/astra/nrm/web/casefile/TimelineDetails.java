package rs.astra.nrm.web.casefile;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.web.i18n.Dates;
import rs.astra.nrm.web.i18n.Messages;

/**
 * The detail of a timeline event as the user reads it: the codes the services write into an event's
 * detail (a stage step {@code ASSISTANCE → CLOSED}, an identification decision {@code IDENTIFIED
 * 2026-12-06}, a purpose, categories, a proceedings step, a service and its status) are shown by
 * their labels in the user's language, and their days as {@code dd.MM.yyyy}. The stored detail is
 * unchanged (the timeline is append-only); the details of other kinds (a document's title) pass as
 * they are, and a word is replaced only where the event's kind writes codes of a list and the
 * bundles have its label, so names pass too.
 */
@Named
@RequestScoped
public class TimelineDetails {

  /** The event kinds whose details hold codes → the prefixes of their labels' keys, in order. */
  private static final Map<String, List<String>> LABEL_PREFIXES =
      Map.of(
          "STAGE_CHANGED", List.of("stage."),
          "IDENTIFICATION_DECIDED", List.of("stage."),
          "EMERGENCY_ACCESS", List.of("category."),
          "REFERRAL_SENT", List.of("purpose."),
          "CONSENT_GIVEN", List.of("purpose.", "category."),
          "PROCEEDINGS_RECORDED", List.of("proceedingsKind."),
          "SERVICE_ADDED", List.of("serviceType.", "serviceStatus."),
          "SERVICE_STATUS_CHANGED", List.of("serviceType.", "serviceStatus."));

  private static final Pattern CODE_OR_DAY =
      Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b|\\b([A-Za-z][A-Za-z0-9_]*)\\b");

  @Inject private Messages messages;
  @Inject private Dates dates;

  /**
   * @param event a timeline event the page shows
   * @return its detail with codes as labels and days as {@code dd.MM.yyyy}; empty when it has none
   */
  public String of(CaseTimeline.EventLine event) {
    return labelled(
        event.type() == null ? null : event.type().name(),
        event.detail(),
        key -> messages.find(key),
        dates::day);
  }

  /**
   * The rule of {@link #of}, without the request's beans.
   *
   * @param type the event's kind ({@code CaseEvent.Type} name), may be {@code null}
   * @param detail the stored detail, may be {@code null}
   * @param label the text of a bundle key in the user's language, empty when it has none
   * @param day a calendar day as the user reads it
   * @return the detail to show; an empty string for none
   */
  static String labelled(
      String type,
      String detail,
      Function<String, Optional<String>> label,
      Function<LocalDate, String> day) {
    if (detail == null) {
      return "";
    }
    List<String> prefixes = type == null ? null : LABEL_PREFIXES.get(type);
    if (prefixes == null) {
      return detail;
    }
    Matcher m = CODE_OR_DAY.matcher(detail);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String shown = m.group();
      if (m.group(1) != null) {
        try {
          shown = day.apply(LocalDate.parse(m.group(1)));
        } catch (DateTimeParseException e) {
          // Not a day after all: left as written.
        }
      } else {
        for (String prefix : prefixes) {
          Optional<String> text = label.apply(prefix + m.group(2));
          if (text.isPresent()) {
            shown = text.get();
            break;
          }
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    m.appendTail(out);
    return out.toString();
  }
}
