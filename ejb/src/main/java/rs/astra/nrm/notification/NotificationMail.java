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
    String tag = language(languageTag);
    Locale locale = Locale.forLanguageTag(tag);
    ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale);
    Event event = new Event(kind, caseCode, caseId, organisation);
    String link = portalUrl + linkInPortal(kind, caseId);
    String subject = format(texts, "subject." + kind.name(), locale, event.args());
    String line = event.line(texts, locale);
    String text = line + "\n\n" + link + "\n\n" + footer(texts);
    String html =
        htmlPage(
            tag,
            "<p>" + escape(line) + "</p><p>" + htmlLink(link, texts.getString("open")) + "</p>",
            texts);
    return new NotificationMail(subject, text, html);
  }

  /**
   * One event of a daily digest: only what a {@link Notification} holds.
   *
   * @param kind what happened
   * @param caseCode the case code, or {@code null}
   * @param caseId the case id for the link, or {@code null}
   * @param organisation the other organisation's name, or {@code null}
   */
  public record Event(NotificationKind kind, String caseCode, Long caseId, String organisation) {

    private Object[] args() {
      return new Object[] {
        caseCode == null ? "" : caseCode, organisation == null ? "" : organisation
      };
    }

    private String line(ResourceBundle texts, Locale locale) {
      return format(texts, "line." + kind.name(), locale, args());
    }
  }

  /**
   * The daily digest of a recipient (issue 18, "Channels": the kinds she chose to receive at
   * {@value Notification#DIGEST_HOUR}:00 Europe/Belgrade): one line and one link per event, in the
   * order given; like every message, nothing but the events' kinds, case codes and organisations.
   *
   * @param events the events, oldest first; at least one
   * @param languageTag the recipient's language, or {@code null} for Serbian Latin
   * @param portalUrl the portal's address ending with {@code /}
   * @return the e-mail
   */
  public static NotificationMail digest(List<Event> events, String languageTag, String portalUrl) {
    String tag = language(languageTag);
    Locale locale = Locale.forLanguageTag(tag);
    ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale);
    String subject = format(texts, "subject.DIGEST", locale, events.size());
    String intro = format(texts, "line.DIGEST", locale, events.size());
    StringBuilder text = new StringBuilder(intro).append("\n\n");
    StringBuilder items = new StringBuilder("<ul>");
    for (Event e : events) {
      String line = e.line(texts, locale);
      String link = portalUrl + linkInPortal(e.kind(), e.caseId());
      text.append("- ").append(line).append("\n  ").append(link).append("\n");
      items
          .append("<li>")
          .append(escape(line))
          .append(" ")
          .append(htmlLink(link, texts.getString("open")))
          .append("</li>");
    }
    items.append("</ul>");
    text.append("\n").append(footer(texts));
    String html = htmlPage(tag, "<p>" + escape(intro) + "</p>" + items, texts);
    return new NotificationMail(subject, text.toString(), html);
  }

  private static String language(String languageTag) {
    // List.of(...).contains(null) throws: a user who never chose a language has none.
    return languageTag != null && LANGUAGES.contains(languageTag) ? languageTag : LANGUAGES.get(0);
  }

  private static String footer(ResourceBundle texts) {
    return "-- \n" + texts.getString("footer") + "\n";
  }

  private static String htmlLink(String link, String label) {
    return "<a href=\"" + escape(link) + "\">" + escape(label) + "</a>";
  }

  private static String htmlPage(String tag, String body, ResourceBundle texts) {
    return "<!DOCTYPE html><html lang=\""
        + tag
        + "\"><body>"
        + body
        + "<p style=\"color:#555\">"
        + escape(texts.getString("footer"))
        + "</p></body></html>";
  }

  /**
   * Where a notification leads in the portal: the case, except for what a data protection officer
   * is told (she reads no case data: her home page lists the access to look into) and a transfer
   * proposed to the organisation or withdrawn again (it does not read the case before it accepts:
   * its home page lists the proposals to answer), and a data subject's request due soon (the
   * register of requests).
   *
   * @param kind the kind
   * @param caseId the case, or {@code null}
   * @return the path within the portal, without a leading {@code /}
   */
  public static String linkInPortal(NotificationKind kind, Long caseId) {
    if (kind == NotificationKind.EMERGENCY_ACCESS_NOT_JUSTIFIED
        || kind == NotificationKind.EMERGENCY_REVIEW_OVERDUE
        || kind == NotificationKind.TRANSFER_PROPOSED
        || kind == NotificationKind.TRANSFER_WITHDRAWN) {
      return "app/home.xhtml";
    }
    if (kind == NotificationKind.DSR_DUE_SOON) {
      return "app/requests.xhtml";
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
