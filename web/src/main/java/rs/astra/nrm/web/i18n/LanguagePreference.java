package rs.astra.nrm.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The language the user reads the portal in: Serbian Latin (the default) or English. Kept in the
 * session as a language tag only.
 */
@Named
@SessionScoped
public class LanguagePreference implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Serbian in Latin script, the portal's default language. */
  public static final String SERBIAN_LATIN = "sr-Latn";

  /** The language tags the portal offers. */
  public static final List<String> SUPPORTED = List.of(SERBIAN_LATIN, "en");

  private String languageTag = SERBIAN_LATIN;

  /** @return the locale of the views */
  public Locale getLocale() {
    return Locale.forLanguageTag(languageTag);
  }

  /** @return the current language tag, e.g. {@code sr-Latn} */
  public String getLanguageTag() {
    return languageTag;
  }

  /**
   * Switches the language; an unsupported tag leaves it unchanged.
   *
   * @param tag {@code sr-Latn} or {@code en}
   */
  public void setLanguageTag(String tag) {
    if (SUPPORTED.contains(tag)) {
      this.languageTag = tag;
    }
  }
}
