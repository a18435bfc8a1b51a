package rs.astra.nrm.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The language the user reads the portal in: Serbian Latin (the default), Serbian Cyrillic or
 * English. Kept in the session as a language tag only, and remembered in the browser by a cookie
 * ({@value #COOKIE}, one year) so that the next visit opens in the same language.
 */
@Named
@SessionScoped
public class LanguagePreference implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Serbian in Latin script, the portal's default language. */
  public static final String SERBIAN_LATIN = "sr-Latn";

  /** Serbian in Cyrillic script. */
  public static final String SERBIAN_CYRILLIC = "sr-Cyrl";

  /** The language tags the portal offers. */
  public static final List<String> SUPPORTED = List.of(SERBIAN_LATIN, SERBIAN_CYRILLIC, "en");

  /** Name of the cookie that remembers the language. */
  public static final String COOKIE = "nrm-lang";

  private String languageTag;

  /**
   * @return the locale of the views
   */
  public Locale getLocale() {
    return Locale.forLanguageTag(getLanguageTag());
  }

  /**
   * @return the current language tag, e.g. {@code sr-Latn}; the remembered one on a first visit
   */
  public String getLanguageTag() {
    if (languageTag == null) {
      languageTag = remembered();
    }
    return languageTag;
  }

  private static String remembered() {
    jakarta.faces.context.FacesContext faces =
        jakarta.faces.context.FacesContext.getCurrentInstance();
    if (faces != null) {
      Object cookie = faces.getExternalContext().getRequestCookieMap().get(COOKIE);
      if (cookie instanceof jakarta.servlet.http.Cookie c && SUPPORTED.contains(c.getValue())) {
        return c.getValue();
      }
    }
    return SERBIAN_LATIN;
  }

  /**
   * Switches the language; an unsupported tag leaves it unchanged.
   *
   * @param tag {@code sr-Latn} or {@code en}
   */
  public void setLanguageTag(String tag) {
    if (SUPPORTED.contains(tag)) {
      rememberForMail(tag);
    }
    if (SUPPORTED.contains(tag)) {
      this.languageTag = tag;
      jakarta.faces.context.FacesContext faces =
          jakarta.faces.context.FacesContext.getCurrentInstance();
      if (faces != null) {
        faces
            .getExternalContext()
            .addResponseCookie(
                COOKIE,
                tag,
                java.util.Map.of(
                    "maxAge",
                    365 * 24 * 3600,
                    "path",
                    "/",
                    "httpOnly",
                    Boolean.TRUE,
                    "SameSite",
                    "Lax"));
      }
    }
  }

  @jakarta.inject.Inject
  private transient jakarta.enterprise.inject.Instance<rs.astra.nrm.web.security.SignedInUser>
      signedInUser;

  @jakarta.inject.Inject
  private transient jakarta.enterprise.inject.Instance<
          rs.astra.nrm.notification.NotificationService>
      notifications;

  /** Her e-mails follow the language she chose (issue 18); nobody signed in: nothing to keep. */
  private void rememberForMail(String tag) {
    try {
      // Null after the session moved to another instance (issue 20): looked up again there.
      if (notifications == null || signedInUser == null) {
        notifications =
            jakarta
                .enterprise
                .inject
                .spi
                .CDI
                .current()
                .select(rs.astra.nrm.notification.NotificationService.class);
        signedInUser =
            jakarta
                .enterprise
                .inject
                .spi
                .CDI
                .current()
                .select(rs.astra.nrm.web.security.SignedInUser.class);
      }
      notifications.get().rememberLanguage(signedInUser.get().viewer(), tag);
    } catch (rs.astra.nrm.web.security.NotAuthorisedException
        | jakarta.enterprise.context.ContextNotActiveException e) {
      // The login page: no user yet.
    } catch (RuntimeException e) {
      // Never let the language switch fail because the preference could not be stored.
      java.util.logging.Logger.getLogger(LanguagePreference.class.getName())
          .warning(() -> "language not kept for e-mail: " + e.getClass().getName());
    }
  }
}
