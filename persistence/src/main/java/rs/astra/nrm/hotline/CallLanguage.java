package rs.astra.nrm.hotline;

/**
 * The language a call was held in: the languages of Serbia's minorities and of the migrants and
 * foreign workers the hotline hears most. Stored by name.
 */
public enum CallLanguage {
  /** Serbian (and the mutually intelligible Bosnian, Croatian, Montenegrin). */
  SERBIAN,
  /** Romani. */
  ROMANI,
  /** Hungarian. */
  HUNGARIAN,
  /** Albanian. */
  ALBANIAN,
  /** Romanian. */
  ROMANIAN,
  /** English. */
  ENGLISH,
  /** German. */
  GERMAN,
  /** Russian. */
  RUSSIAN,
  /** Ukrainian. */
  UKRAINIAN,
  /** Arabic. */
  ARABIC,
  /** Farsi (Persian). */
  FARSI,
  /** Hindi. */
  HINDI,
  /** Another language. */
  OTHER
}
