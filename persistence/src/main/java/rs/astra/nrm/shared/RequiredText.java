package rs.astra.nrm.shared;

/**
 * The rule every required free text of the records follows — a reason, a name: not blank, at most a
 * number of characters once the blanks around it are taken away, and stored without them.
 */
public final class RequiredText {

  private RequiredText() {}

  /**
   * @param text the text as typed
   * @param max the most characters it may have after stripping
   * @param what what it is, for the exception's message (e.g. {@code "a reason"})
   * @return the text without the blanks around it
   * @throws IllegalArgumentException if it is {@code null}, blank or longer than {@code max}
   */
  public static String of(String text, int max, String what) {
    if (text == null || text.isBlank() || text.strip().length() > max) {
      throw new IllegalArgumentException(what + " of 1 to " + max + " characters is required");
    }
    return text.strip();
  }
}
