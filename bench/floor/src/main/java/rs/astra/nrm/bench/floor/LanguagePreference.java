package rs.astra.nrm.bench.floor;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** Stand-in for the portal's {@code LanguagePreference}: Serbian Latin, the portal's default. */
@Named("languagePreference")
@SessionScoped
public class LanguagePreference implements Serializable {

  private static final long serialVersionUID = 1L;

  private String languageTag = "sr-Latn";

  /**
   * @return the locale of the current language
   */
  public Locale getLocale() {
    return Locale.forLanguageTag(languageTag);
  }

  /**
   * @return the current language tag
   */
  public String getLanguageTag() {
    return languageTag;
  }

  /**
   * @param tag the new language tag
   */
  public void setLanguageTag(String tag) {
    this.languageTag = tag;
  }
}
