package rs.astra.nrm.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the registry recognises an employer or agency however its name was written: the <em>match
 * key</em> of a name, kept in an indexed column so that finding a name is a database query.
 *
 * <p>The key is the same for every spelling of a name that hotline staff meet:
 *
 * <ol>
 *   <li>Serbian Cyrillic is transliterated to Latin (Ђ→Đ, Љ→Lj, Њ→Nj, Џ→Dž, Ћ→Ć, Ч→Č, Ж→Ž, Ш→Š…;
 *       the common Russian letters too);
 *   <li>case is ignored;
 *   <li>Serbian diacritics are dropped: Đ and Dj become d (the two ASCII spellings of Đ,
 *       "Djordjevic" and "Dordevic", both occur), Ć and Č become c, Š s, Ž z (so Dž becomes dz);
 *       other accents are dropped too (Müller = Muller), ß is ss;
 *   <li>legal-form words are ignored: d.o.o., doo, GmbH, Ltd, LLC, Inc… wherever they stand, and
 *       the short ones that are also ordinary words or initials (a.d., o.d., k.d., PR, AG, KG, SA,
 *       Co…) at the end of the name; dotted or spaced abbreviations count as one word (d.o.o. = d o
 *       o = doo);
 *   <li>spaces, hyphens and punctuation are ignored;
 *   <li>a doubled letter counts once, as Serbian spells foreign names ("Staffing" is Стафинг).
 * </ol>
 *
 * <p>So "Djordjevic", "Đorđević", "Ђорђевић" and "DJORDJEVIĆ d.o.o." all have the key {@code
 * dordevic}. A name made only of legal-form words keeps them (the key is never empty for a name
 * with letters or digits).
 *
 * <p>Persons' names have a variant, {@link #ofPersonName}, that keeps words apart and drops no
 * legal-form words; the case list finds data subjects with it.
 */
public final class NameMatchKey {

  /** Longest key stored (the column's length). */
  public static final int MAX_LENGTH = 255;

  /** Legal forms ignored wherever they stand in a name. */
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "doo",
          "dooel",
          "ooo",
          "szr",
          "str",
          "preduzetnik",
          "gmbh",
          "mbh",
          "ltd",
          "limited",
          "llc",
          "inc",
          "incorporated",
          "plc",
          "srl",
          "sarl",
          "sro",
          "spzoo",
          "zoo",
          "bv",
          "kft",
          "zrt",
          "ug",
          "eood",
          "ood",
          "llp",
          "lp",
          "sas",
          "spa");

  /** Legal forms that are also ordinary words or initials: ignored only at the end of a name. */
  private static final Set<String> EDGE_LEGAL_FORMS =
      Set.of(
          "ad", "od", "kd", "pr", "dd", "ag", "kg", "ohg", "co", "corp", "company", "sa", "as",
          "nv", "ab", "oy", "ek", "sp");

  private static final Map<Character, String> CYRILLIC_TO_LATIN = cyrillicToLatin();

  private NameMatchKey() {}

  /**
   * The match key of a name.
   *
   * @param name a name as written, in Latin or Cyrillic, any case; may be {@code null}
   * @return the key: lower-case ASCII letters and digits only, at most {@link #MAX_LENGTH}
   *     characters; empty for {@code null} or a name without letters or digits
   */
  public static String of(String name) {
    if (name == null) {
      return "";
    }
    List<String> tokens = mergeInitials(words(name));
    List<String> kept = withoutLegalForms(tokens);
    // Serbian spelling does not double letters: "Staffing" is written Стафинг, Stafing.
    String key = String.join("", kept.isEmpty() ? tokens : kept).replaceAll("([a-z])\\1+", "$1");
    return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
  }

  /**
   * The match key of a <em>person's</em> name, or of a fragment of one typed into a search: the
   * same letters as {@link #of} (Cyrillic transliterated, case, diacritics and doubled letters
   * ignored, Đ = Dj = D) but word by word, the words kept apart by one space, so that a search for
   * "Ana Marija" does not find "Anam Arija". Nothing is dropped: legal-form words ("PR", "Co",
   * "Sa"…) can be a person's name or initials, so they stay, and initials are not joined. Hyphens
   * and punctuation separate words like spaces ("Jovanović-Petrović" = "Jovanović Petrović").
   *
   * @param name a name or fragment as written, in Latin or Cyrillic, any case; may be {@code null}
   * @return lower-case ASCII letters, digits and single spaces, neither leading nor trailing, at
   *     most {@link #MAX_LENGTH} characters; empty for {@code null} or a text without letters or
   *     digits
   */
  public static String ofPersonName(String name) {
    if (name == null) {
      return "";
    }
    List<String> tokens = new ArrayList<>();
    for (String w : words(name)) {
      if (!w.isEmpty()) {
        tokens.add(w.replaceAll("([a-z])\\1+", "$1"));
      }
    }
    String key = String.join(" ", tokens);
    return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH).strip() : key;
  }

  /**
   * The name in lower-case ASCII (transliterated, diacritics dropped, Dj read as D), split at
   * everything that is not a letter or digit; may hold empty words.
   */
  private static String[] words(String name) {
    String latin =
        toLatin(Normalizer.normalize(name, Normalizer.Form.NFC)).toLowerCase(Locale.ROOT);
    StringBuilder plain = new StringBuilder(latin.length());
    for (int i = 0; i < latin.length(); i++) {
      char c = latin.charAt(i);
      switch (c) {
        case 'đ' -> plain.append('d');
        case 'ß' -> plain.append("ss");
        case 'æ' -> plain.append("ae");
        case 'ø' -> plain.append('o');
        case 'ł' -> plain.append('l');
        default -> plain.append(c);
      }
    }
    String ascii =
        Normalizer.normalize(plain, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replace("dj", "d");
    return ascii.split("[^a-z0-9]+");
  }

  /** Joins runs of one-letter words, so that d.o.o., d o o and doo are one word. */
  private static List<String> mergeInitials(String[] words) {
    List<String> tokens = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
        run.append(w);
        continue;
      }
      if (!run.isEmpty()) {
        tokens.add(run.toString());
        run.setLength(0);
      }
      tokens.add(w);
    }
    if (!run.isEmpty()) {
      tokens.add(run.toString());
    }
    return tokens;
  }

  private static List<String> withoutLegalForms(List<String> tokens) {
    List<String> kept =
        new ArrayList<>(tokens.stream().filter(t -> !LEGAL_FORMS.contains(t)).toList());
    while (!kept.isEmpty() && EDGE_LEGAL_FORMS.contains(kept.get(kept.size() - 1))) {
      kept.remove(kept.size() - 1);
    }
    return kept;
  }

  /**
   * Transliterates Serbian Cyrillic to Serbian Latin (Ђорђевић → Đorđević, ЉУБЉАНА → LJUBLJANA,
   * Љубљана → Ljubljana); Latin text and other characters are kept.
   *
   * @param text any text, may be {@code null}
   * @return the Latin text, {@code null} for {@code null}
   */
  public static String toLatin(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String latin = CYRILLIC_TO_LATIN.get(c);
      if (latin == null) {
        out.append(c);
      } else if (latin.length() > 1 && Character.isUpperCase(c)) {
        // Љ is "LJ" inside an upper-case word, "Lj" at the start of a capitalised one.
        boolean nextUpper = i + 1 < text.length() && Character.isUpperCase(text.charAt(i + 1));
        boolean previousUpper = i > 0 && Character.isUpperCase(text.charAt(i - 1));
        out.append(
            nextUpper
                    || (previousUpper
                        && (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1))))
                ? latin.toUpperCase(Locale.ROOT)
                : latin);
      } else {
        out.append(latin);
      }
    }
    return out.toString();
  }

  /**
   * Transliterates Serbian Latin to Serbian Cyrillic (Đorđević → Ђорђевић, Ljubljana → Љубљана,
   * Njegoš → Његош, Džonić → Џонић; the ASCII spelling Dj is read as Đ). The four Latin letters
   * outside the Serbian alphabet are written as common Serbian practice writes them in foreign
   * names, letter by letter: w → в (Edelweiss → Еделвеисс), q → к (Qatar → Катар), x → кс (Xerox →
   * Ксерокс, in an upper-case word КС), y → ј (York → Јорк). This is a transliteration, not a
   * transcription by sound (Pravopis srpskoga jezika transcribes Edelweiss as Еделвајс), so a name
   * reads back to its Latin letters as closely as the alphabet allows; other letters (ä, é…) and
   * digits are kept. Meant for showing a name in the other script; searches use {@link #of}.
   *
   * @param text any text, may be {@code null}
   * @return the Cyrillic text, {@code null} for {@code null}
   */
  public static String toCyrillic(String text) {
    if (text == null) {
      return null;
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      String pair = ("" + c + next).toLowerCase(Locale.ROOT);
      String digraph =
          switch (pair) {
            case "lj" -> "љ";
            case "nj" -> "њ";
            case "dž" -> "џ";
            case "dj" -> "ђ";
            default -> null;
          };
      if (digraph != null) {
        out.append(Character.isUpperCase(c) ? digraph.toUpperCase(Locale.ROOT) : digraph);
        i += 2;
        continue;
      }
      String single = LATIN_TO_CYRILLIC.get(Character.toLowerCase(c));
      if (single == null) {
        out.append(c);
      } else if (!Character.isUpperCase(c)) {
        out.append(single);
      } else if (single.length() > 1) {
        // X is "КС" inside an upper-case word, "Кс" at the start of a capitalised one.
        boolean nextUpper = Character.isUpperCase(next);
        boolean previousUpper = i > 0 && Character.isUpperCase(s.charAt(i - 1));
        out.append(
            nextUpper || (previousUpper && !Character.isLetter(next))
                ? single.toUpperCase(Locale.ROOT)
                : Character.toUpperCase(single.charAt(0)) + single.substring(1));
      } else {
        out.append(single.toUpperCase(Locale.ROOT));
      }
      i++;
    }
    return out.toString();
  }

  private static final Map<Character, String> LATIN_TO_CYRILLIC =
      Map.ofEntries(
          Map.entry('a', "а"),
          Map.entry('b', "б"),
          Map.entry('v', "в"),
          Map.entry('g', "г"),
          Map.entry('d', "д"),
          Map.entry('đ', "ђ"),
          Map.entry('e', "е"),
          Map.entry('ž', "ж"),
          Map.entry('z', "з"),
          Map.entry('i', "и"),
          Map.entry('j', "ј"),
          Map.entry('k', "к"),
          Map.entry('l', "л"),
          Map.entry('m', "м"),
          Map.entry('n', "н"),
          Map.entry('o', "о"),
          Map.entry('p', "п"),
          Map.entry('r', "р"),
          Map.entry('s', "с"),
          Map.entry('t', "т"),
          Map.entry('ć', "ћ"),
          Map.entry('u', "у"),
          Map.entry('f', "ф"),
          Map.entry('h', "х"),
          Map.entry('c', "ц"),
          Map.entry('č', "ч"),
          Map.entry('š', "ш"),
          // Foreign letters, as Serbian writes them in foreign names (see toCyrillic).
          Map.entry('w', "в"),
          Map.entry('q', "к"),
          Map.entry('x', "кс"),
          Map.entry('y', "ј"));

  private static Map<Character, String> cyrillicToLatin() {
    String[][] pairs = {
      {"а", "a"},
      {"б", "b"},
      {"в", "v"},
      {"г", "g"},
      {"д", "d"},
      {"ђ", "đ"},
      {"е", "e"},
      {"ж", "ž"},
      {"з", "z"},
      {"и", "i"},
      {"ј", "j"},
      {"к", "k"},
      {"л", "l"},
      {"љ", "lj"},
      {"м", "m"},
      {"н", "n"},
      {"њ", "nj"},
      {"о", "o"},
      {"п", "p"},
      {"р", "r"},
      {"с", "s"},
      {"т", "t"},
      {"ћ", "ć"},
      {"у", "u"},
      {"ф", "f"},
      {"х", "h"},
      {"ц", "c"},
      {"ч", "č"},
      {"џ", "dž"},
      {"ш", "š"},
      // Russian and Macedonian letters met in names of agencies abroad.
      {"й", "j"},
      {"я", "ja"},
      {"ю", "ju"},
      {"ё", "e"},
      {"э", "e"},
      {"ы", "y"},
      {"щ", "šč"},
      {"ъ", ""},
      {"ь", ""},
      {"ѓ", "gj"},
      {"ќ", "kj"},
      {"ѕ", "dz"},
      {"і", "i"},
      {"ї", "ji"},
      {"є", "je"}
    };
    java.util.HashMap<Character, String> map = new java.util.HashMap<>();
    for (String[] p : pairs) {
      char lower = p[0].charAt(0);
      map.put(lower, p[1]);
      String upperLatin =
          p[1].isEmpty() ? "" : Character.toUpperCase(p[1].charAt(0)) + p[1].substring(1);
      map.put(Character.toUpperCase(lower), upperLatin);
    }
    return Map.copyOf(map);
  }
}
