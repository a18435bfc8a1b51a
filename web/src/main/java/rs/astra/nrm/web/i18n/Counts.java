package rs.astra.nrm.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Texts with a count for the pages, in the count's plural form ({@link PluralForms}). A bundle text
 * with {@code {0,plural,…}} must not be given to {@code h:outputFormat} (its {@link
 * java.text.MessageFormat} does not know the plural syntax): pages write {@code
 * #{counts.text('home.quiet.count', n)}} instead.
 */
@Named
@RequestScoped
public class Counts {

  @Inject private Messages messages;

  /**
   * The text of a key for a count, in the user's language.
   *
   * @param key bundle key whose {@code {0}} is the count
   * @param count the count (a whole number; days, cases, …)
   * @return e.g. {@code 2 otvorena slučaja} / {@code rok je istekao pre 1 dan}; the key in brackets
   *     when it is missing
   */
  public String text(String key, long count) {
    return messages.get(key, count);
  }
}
