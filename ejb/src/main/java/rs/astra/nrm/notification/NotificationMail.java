package rs.astra.nrm.notification;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The e-mail of a notification in the recipient's language (issue 18, "No personal data in any
 * message"): its subject, plain text and HTML are made only of the event's kind, the case code, the
 * other organisation's name and a link into the portal — the only values a {@link Notification}
 * holds. Texts: {@code rs/astra/nrm/notification/Mail*.properties} (Serbian Latin, Serbian
 * Cyrillic, English).
 *
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body (values escaped)
 */
public record NotificationMail(String subject, String text, String html) {

  /** The languages e-mails are written in; the first is the default. */
  public static final List<String> LANGUAGES = List.of("sr-Latn", "sr-Cyrl", "en");

  private static final String BUNDLE = "rs.astra.nrm.notification.Mail";

  /**
   * Writes the e-mail of a notification.
   *
   * @param kind what happened
   * @param caseCode the case code, or {@code null}
   * @param caseId the case id for the link, or {@code null}
   * @param organisation the other organisation's name, or {@code null}
   * @param languageTag the recipient's language, or {@code null} for Serbian Latin
   * @param portalUrl the portal's address ending with {@code /}
   * @return the e-mail
   */
  public static NotificationMail of(
      NotificationKind kind,
      String caseCode,
      Long caseId,
      String organisation,
      String languageTag,
      String portalUrl) {
    // List.of(...).contains(null) throws: a user who never chose a language has none.
    String tag =
        languageTag != null && LANGUAGES.contains(languageTag) ? languageTag : LANGUAGES.get(0);
    Locale locale = Locale.forLanguageTag(tag);
    ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale);
    String link = portalUrl + linkInPortal(kind, caseId);
    String code = caseCode == null ? "" : caseCode;
    String org = organisation == null ? "" : organisation;
    String subject = format(texts, "subject." + kind.name(), locale, code, org);
    String line = format(texts, "line." + kind.name(), locale, code, org);
    String footer = texts.getString("footer");
    String text = line + "\n\n" + link + "\n\n-- \n" + footer + "\n";
    String html =
        "<!DOCTYPE html><html lang=\""
            + tag
            + "\"><body><p>"
            + escape(line)
            + "</p><p><a href=\""
            + escape(link)
            + "\">"
            + escape(texts.getString("open"))
            + "</a></p><p style=\"color:#555\">"
            + escape(footer)
            + "</p></body></html>";
    return new NotificationMail(subject, text, html);
  }

  /**
   * Where a notification leads in the portal: the case, except for what a data protection officer
   * is told (she reads no case data: her home page lists the access to look into).
   *
   * @param kind the kind
   * @param caseId the case, or {@code null}
   * @return the path within the portal, without a leading {@code /}
   */
  public static String linkInPortal(NotificationKind kind, Long caseId) {
    if (kind == NotificationKind.EMERGENCY_ACCESS_NOT_JUSTIFIED
        || kind == NotificationKind.EMERGENCY_REVIEW_OVERDUE) {
      return "app/home.xhtml";
    }
    return caseId == null ? "app/notifications.xhtml" : "app/case.xhtml?id=" + caseId;
  }

  private static String format(ResourceBundle texts, String key, Locale locale, Object... args) {
    return new MessageFormat(texts.getString(key), locale).format(args);
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
