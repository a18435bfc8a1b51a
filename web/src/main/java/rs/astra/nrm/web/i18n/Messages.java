package rs.astra.nrm.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of the user interface in the user's language, for messages built in Java (views use the
 * {@code msg} bundle variable directly). Bundle {@code rs.astra.nrm.web.i18n.Messages}: English in
 * the base file, Serbian Latin in {@code _sr_Latn}.
 */
@RequestScoped
public class Messages {

  /** Base name of the resource bundle. */
  public static final String BUNDLE = "rs.astra.nrm.web.i18n.Messages";

  @Inject private LanguagePreference language;

  /**
   * The text for a key, with {@link MessageFormat} arguments filled in and each count's plural form
   * chosen ({@link PluralForms}: {@code {0,plural,one{# slučaj} few{# slučaja} other{#
   * slučajeva}}}).
   *
   * @param key bundle key
   * @param args arguments for {0}, {1}, …
   * @return the text; the key itself in brackets when it is missing (never an exception)
   */
  public String get(String key, Object... args) {
    return find(key, args).orElse("[" + key + "]");
  }

  /**
   * The text of a key in the user's language, when the bundles have one.
   *
   * @param key bundle key
   * @param args arguments for {0}, {1}, …
   * @return the text, or empty when no bundle has the key (where {@link #get} shows {@code [key]})
   */
  public java.util.Optional<String> find(String key, Object... args) {
    try {
      String pattern = ResourceBundle.getBundle(BUNDLE, language.getLocale()).getString(key);
      return java.util.Optional.of(format(pattern, language.getLocale(), args));
    } catch (MissingResourceException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Formats a bundle text: plural forms chosen for the counts, then {@link MessageFormat}.
   *
   * @param pattern the bundle text
   * @param locale the user's language
   * @param args arguments for {0}, {1}, …
   * @return the text (the pattern itself when there are no arguments)
   */
  public static String format(String pattern, java.util.Locale locale, Object... args) {
    return args.length == 0
        ? pattern
        : new MessageFormat(PluralForms.resolve(pattern, locale, args), locale).format(args);
  }
}
