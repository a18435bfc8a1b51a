package rs.astra.nrm.exchange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts one cell into the Java value of its HTCDS field, reporting what is wrong instead of
 * throwing so that a whole file can be checked in one pass.
 */
final class HtcdsCellConverter {

  /** ISO 8601 calendar date, as machines write it. */
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  /** Serbian way of writing dates: day.month.year with an optional final dot ("2.2.2022."). */
  private static final Pattern SERBIAN_DATE =
      Pattern.compile("(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})\\.?");

  /** Separates the values of a multi-select cell, as in Salesforce exports of HTCDS data. */
  private static final Pattern MULTI_SELECT_SEPARATOR = Pattern.compile(";");

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "da", "да", "1");
  private static final Set<String> FALSE_WORDS = Set.of("false", "no", "ne", "не", "0");

  private final LocalDate today;
  private final List<HtcdsImportError> errors;

  /**
   * Creates a converter for one file.
   *
   * @param today the current date in Europe/Belgrade, the latest allowed past date
   * @param errors where problems are added, in the order found
   */
  HtcdsCellConverter(LocalDate today, List<HtcdsImportError> errors) {
    this.today = today;
    this.errors = errors;
  }

  /**
   * Converts a cell.
   *
   * @param field the field of the cell's column
   * @param cell the cell, {@code null} if blank
   * @param rowNumber the row number for error reports
   * @return a {@code String}, {@code Boolean}, {@code LocalDate}, picklist enum constant,
   *     unmodifiable {@code Set} (enum set or sorted set of country codes, empty if blank), or
   *     {@code null} if the cell is blank or invalid (then an error has been added)
   */
  Object convert(HtcdsField field, RawCell cell, int rowNumber) {
    String text = cell == null ? null : HtcdsText.clean(cell.text());
    if (text == null) {
      if (field.required()) {
        error(rowNumber, field, HtcdsImportProblem.REQUIRED_MISSING, null);
      }
      return blank(field);
    }
    return switch (field.kind()) {
      case SHORT_TEXT, TEXT, LONG_TEXT -> text(field, text, rowNumber);
      case BOOLEAN -> bool(field, cell, text, rowNumber);
      case PAST_DATE -> pastDate(field, cell, text, rowNumber);
      case DATE -> date(field, cell, text, rowNumber);
      case PICKLIST -> picklist(field, text, rowNumber);
      case MULTI_PICKLIST -> multiPicklist(field, text, rowNumber);
      case COUNTRY_CODE -> countryCode(field, text, rowNumber);
      case COUNTRY_CODES -> countryCodes(field, text, rowNumber);
    };
  }

  /**
   * Returns the value of a field whose column is absent from the file.
   *
   * @param field the field
   * @return an empty unmodifiable set for multi-select fields, otherwise {@code null}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object blank(HtcdsField field) {
    return switch (field.kind()) {
      case MULTI_PICKLIST -> Collections.unmodifiableSet(EnumSet.noneOf((Class) field.picklist()));
      case COUNTRY_CODES -> Collections.unmodifiableSortedSet(new TreeSet<String>());
      default -> null;
    };
  }

  private String text(HtcdsField field, String text, int rowNumber) {
    // UTF-16 units, not code points: H2 measures a column in them (an emoji counts twice), and
    // PostgreSQL's code points are never more; a value that passes here fits either database.
    if (text.length() > field.kind().maxLength) {
      error(rowNumber, field, HtcdsImportProblem.TOO_LONG, text);
      return null;
    }
    return text;
  }

  private Boolean bool(HtcdsField field, RawCell cell, String text, int rowNumber) {
    if (cell instanceof RawCell.Bool bool) {
      return bool.value();
    }
    String word = text.toLowerCase(Locale.ROOT);
    if (TRUE_WORDS.contains(word)) {
      return Boolean.TRUE;
    }
    if (FALSE_WORDS.contains(word)) {
      return Boolean.FALSE;
    }
    error(rowNumber, field, HtcdsImportProblem.INVALID_BOOLEAN, text);
    return null;
  }

  private LocalDate pastDate(HtcdsField field, RawCell cell, String text, int rowNumber) {
    LocalDate date = date(field, cell, text, rowNumber);
    if (date != null && date.isAfter(today)) {
      error(rowNumber, field, HtcdsImportProblem.DATE_IN_FUTURE, date.toString());
      return null;
    }
    return date;
  }

  private LocalDate date(HtcdsField field, RawCell cell, String text, int rowNumber) {
    LocalDate date;
    if (cell instanceof RawCell.Number number) {
      // Excel stores dates as serial numbers; a General-formatted cell shows the bare number, but
      // in a
      // date column it can only mean a date.
      date = number.value() >= 1 ? number.asDate() : null;
    } else {
      date = parseDateText(text);
    }
    if (date == null) {
      error(rowNumber, field, HtcdsImportProblem.INVALID_DATE, text);
      return null;
    }
    return date;
  }

  /** Parses ISO or Serbian date text; {@code null} for anything else or an impossible date. */
  private static LocalDate parseDateText(String text) {
    Matcher iso = ISO_DATE.matcher(text);
    if (iso.matches()) {
      return date(iso.group(1), iso.group(2), iso.group(3));
    }
    Matcher serbian = SERBIAN_DATE.matcher(text);
    if (serbian.matches()) {
      return date(serbian.group(3), serbian.group(2), serbian.group(1));
    }
    return null;
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException impossible) {
      return null;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object picklist(HtcdsField field, String text, int rowNumber) {
    Enum<?> value = HtcdsPicklists.find((Class) field.picklist(), text);
    if (value == null) {
      error(rowNumber, field, HtcdsImportProblem.UNKNOWN_VALUE, text);
    }
    return value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Set<?> multiPicklist(HtcdsField field, String text, int rowNumber) {
    EnumSet values = EnumSet.noneOf((Class) field.picklist());
    for (String part : parts(text)) {
      Enum<?> value = HtcdsPicklists.find((Class) field.picklist(), part);
      if (value == null) {
        error(rowNumber, field, HtcdsImportProblem.UNKNOWN_VALUE, part);
      } else {
        values.add(value);
      }
    }
    return Collections.unmodifiableSet(values);
  }

  private String countryCode(HtcdsField field, String text, int rowNumber) {
    String code = text.toUpperCase(Locale.ROOT);
    if (!ISO_COUNTRIES.contains(code)) {
      error(rowNumber, field, HtcdsImportProblem.INVALID_COUNTRY_CODE, text);
      return null;
    }
    return code;
  }

  private SortedSet<String> countryCodes(HtcdsField field, String text, int rowNumber) {
    SortedSet<String> codes = new TreeSet<>();
    for (String part : parts(text)) {
      String code = countryCode(field, part, rowNumber);
      if (code != null) {
        codes.add(code);
      }
    }
    return Collections.unmodifiableSortedSet(codes);
  }

  /** The non-empty, cleaned parts of a multi-select cell. */
  private static List<String> parts(String text) {
    return MULTI_SELECT_SEPARATOR
        .splitAsStream(text)
        .map(HtcdsText::clean)
        .filter(part -> part != null)
        .toList();
  }

  private void error(int rowNumber, HtcdsField field, HtcdsImportProblem problem, String value) {
    errors.add(new HtcdsImportError(rowNumber, field.htcdsName(), problem, value));
  }
}
