package rs.astra.nrm.web.operations;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import rs.astra.nrm.web.i18n.LanguagePreference;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SecurityHeaders;

/**
 * The page shown while the database cannot be reached: HTTP 503 with {@code Retry-After}, in the
 * user's language (the language cookie, else Serbian Latin), telling that nothing saved before is
 * lost and that an entry being saved at this moment was not saved. Written as plain HTML without
 * Faces, sessions or the database, so it renders whatever else is down; it carries no data at all.
 */
public final class UnavailablePage {

  /** Seconds a client is asked to wait before trying again ({@code Retry-After}). */
  public static final int RETRY_AFTER_SECONDS = 10;

  private UnavailablePage() {}

  /**
   * Answers the request with the page (status 503, no caching).
   *
   * @param request the request (its language cookie and context path are read)
   * @param response a response that is not committed yet
   * @throws IOException when the client is gone
   */
  public static void send(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "unavailable");
  }

  /**
   * Answers with a plain page of the same shape for another situation: its texts are the bundle
   * keys {@code <texts>.title}, {@code <texts>.text}, {@code <texts>.notSaved} and {@code
   * <texts>.retry}.
   *
   * @param request the request
   * @param response a response that is not committed yet
   * @param status the HTTP status, e.g. 413
   * @param texts the prefix of the page's bundle keys, e.g. {@code tooLarge}
   * @throws IOException when the client is gone
   */
  public static void send(
      HttpServletRequest request, HttpServletResponse response, int status, String texts)
      throws IOException {
    byte[] body =
        html(languageOf(request), request.getContextPath(), texts).getBytes(StandardCharsets.UTF_8);
    SecurityHeaders.apply(request, response);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/html;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * The language tag of the request: the remembered language cookie when it names a supported
   * language, else Serbian Latin.
   *
   * @param request the request
   * @return {@code sr-Latn}, {@code sr-Cyrl} or {@code en}
   */
  static String languageOf(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (LanguagePreference.COOKIE.equals(c.getName())
            && LanguagePreference.SUPPORTED.contains(c.getValue())) {
          return c.getValue();
        }
      }
    }
    return LanguagePreference.SERBIAN_LATIN;
  }

  /**
   * The page's HTML in a language.
   *
   * @param languageTag {@code sr-Latn}, {@code sr-Cyrl} or {@code en}
   * @param contextPath the portal's context path ({@code ""} at the root)
   * @return a complete HTML document
   */
  static String html(String languageTag, String contextPath) {
    return html(languageTag, contextPath, "unavailable");
  }

  private static String html(String languageTag, String contextPath, String prefix) {
    ResourceBundle texts =
        ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag(languageTag));
    String title = text(texts, prefix + ".title");
    return "<!DOCTYPE html>\n<html lang=\""
        + escape(languageTag)
        + "\"><head><meta charset=\"UTF-8\"/>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
        + "<title>"
        + escape(title)
        + " · "
        + escape(text(texts, "app.name"))
        + "</title></head>"
        + "<body style=\"font-family: sans-serif; max-width: 40em; margin: 3em auto; padding: 0 1em;\">"
        + "<main><h1 id=\""
        + prefix
        + "Title\">"
        + escape(title)
        + "</h1>"
        + "<p id=\""
        + prefix
        + "Text\">"
        + escape(text(texts, prefix + ".text"))
        + "</p>"
        + "<p id=\""
        + prefix
        + "NotSaved\">"
        + escape(text(texts, prefix + ".notSaved"))
        + "</p>"
        + "<p><a id=\""
        + prefix
        + "Retry\" href=\""
        + escape(contextPath)
        + "/app/home.xhtml\">"
        + escape(text(texts, prefix + ".retry"))
        + "</a></p>"
        + "</main></body></html>\n";
  }

  private static String text(ResourceBundle texts, String key) {
    try {
      return texts.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
