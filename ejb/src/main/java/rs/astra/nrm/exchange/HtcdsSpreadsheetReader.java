package rs.astra.nrm.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.poifs.filesystem.FileMagic;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.MethodOfRecruitment;
import rs.astra.nrm.casefile.ReferralReason;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.TraffickingStatusDecisionMakingOrg;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.casefile.TypeOfSexExploitation;

/**
 * Reads a caseload in the HTCDS 2.0 spreadsheet format (the IOM Excel template, a hand-made
 * workbook or a CSV export) into validated {@link HtcdsCaseRecord}s, all or nothing.
 *
 * <p>Columns are found by their header (HTCDS field name or English label, see {@link
 * #recognisedColumns()}); other columns are ignored. Picklist cells may hold HTCDS value names or
 * labels, multi-select cells several of them separated by {@code ;}. Rows with no content in a
 * recognised column (such as the template's pre-numbered rows) are skipped.
 *
 * <p>Instances are immutable and thread-safe. The reader logs nothing: cell values are personal
 * data.
 */
public final class HtcdsSpreadsheetReader {

  /** The time zone in which "today" is determined for future-date checks. */
  public static final ZoneId ZONE = rs.astra.nrm.shared.NrmTime.ZONE;

  /** How many bytes are inspected to tell text from binary content. */
  private static final int SNIFF_BYTES = 8192;

  private final Clock clock;

  /** Creates a reader that takes "today" from the system clock in Europe/Belgrade. */
  public HtcdsSpreadsheetReader() {
    this(Clock.system(ZONE));
  }

  /**
   * Creates a reader with a given clock, so that tests can fix "today".
   *
   * @param clock the clock; its instant is read in Europe/Belgrade, whatever the clock's own zone
   * @throws NullPointerException if {@code clock} is {@code null}
   */
  public HtcdsSpreadsheetReader(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Lists the HTCDS fields the reader imports.
   *
   * @return the HTCDS field names (e.g. {@code cas_CaseOwner}, {@code prs_Birthdate}) in the order
   *     of {@link HtcdsCaseRecord}'s components; unmodifiable
   */
  public static List<String> recognisedColumns() {
    return Arrays.stream(HtcdsField.values()).map(HtcdsField::htcdsName).toList();
  }

  /**
   * Reads and validates a whole file.
   *
   * <p>The format is recognised from the content: an Excel workbook (xlsx, also legacy xls) is read
   * from its first sheet that has an HTCDS header; anything else must be UTF-8 text (a byte order
   * mark is allowed) and is read as CSV with comma or semicolon delimiter, whichever yields the
   * better header. The stream is read to its end but not closed.
   *
   * @param in the file content; not closed by this method
   * @param fileName the uploaded file's name, or {@code null}; the content decides the format, the
   *     name only makes text content named {@code .xlsx}/{@code .xls} count as a broken workbook
   *     ({@link HtcdsImportProblem#UNREADABLE_FILE}) rather than as CSV
   * @return one record per non-empty data row, in file order; never empty, unmodifiable
   * @throws HtcdsImportException with every problem found, if the file cannot be read or any cell
   *     of any row is invalid; no records are returned then
   * @throws UncheckedIOException if reading the stream itself fails (a transport problem, not a
   *     problem of the file)
   * @throws NullPointerException if {@code in} is {@code null}
   */
  public List<HtcdsCaseRecord> read(InputStream in, String fileName) throws HtcdsImportException {
    Objects.requireNonNull(in, "in");
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<RawRow>> candidates = tables(bytes, fileName);

    HtcdsHeaderMapper.Result header = null;
    List<RawRow> rows = List.of();
    for (List<RawRow> candidate : candidates) {
      HtcdsHeaderMapper.Result result = HtcdsHeaderMapper.map(candidate);
      if (header == null || isNoHeader(header) && !isNoHeader(result)) {
        header = result;
        rows = candidate;
      }
    }
    if (header == null || header.layout() == null) {
      throw new HtcdsImportException(
          header == null ? List.of(wholeFile(HtcdsImportProblem.NO_HEADER)) : header.errors());
    }
    return records(rows, header.layout());
  }

  private static boolean isNoHeader(HtcdsHeaderMapper.Result result) {
    return result.layout() == null
        && result.errors().getFirst().problem() == HtcdsImportProblem.NO_HEADER;
  }

  /**
   * The tables the file may hold: a workbook's sheets in order, or the CSV parse with the better
   * header.
   */
  private static List<List<RawRow>> tables(byte[] bytes, String fileName)
      throws HtcdsImportException {
    FileMagic magic = FileMagic.valueOf(bytes);
    if (magic == FileMagic.OOXML
        || magic == FileMagic.OLE2
        || looksBinary(bytes)
        || isExcelName(fileName)) {
      try {
        return WorkbookTables.read(bytes);
      } catch (IOException | RuntimeException unreadable) {
        // POI reports corrupt, encrypted and foreign files with a variety of unchecked exceptions.
        throw new HtcdsImportException(List.of(wholeFile(HtcdsImportProblem.UNREADABLE_FILE)));
      }
    }
    String text;
    try {
      text = CsvTables.decode(bytes);
    } catch (CharacterCodingException notUtf8) {
      throw new HtcdsImportException(List.of(wholeFile(HtcdsImportProblem.UNREADABLE_FILE)));
    }
    // Excel writes ';' in locales with a decimal comma (Serbian), ',' elsewhere; the better header
    // wins.
    List<RawRow> bestParse = null;
    int bestScore = -1;
    boolean malformed = false;
    for (char delimiter : new char[] {',', ';'}) {
      try {
        List<RawRow> parse = CsvTables.parse(text, delimiter);
        int score = headerScore(parse);
        if (score > bestScore) {
          bestScore = score;
          bestParse = parse;
        }
      } catch (IOException quoteError) {
        // Try the other delimiter; a quote error under one delimiter may be fine under the other.
        malformed = true;
      }
    }
    // No header under any delimiter that parsed, and a quote error under another: the quote error
    // is
    // the likelier cause, and "no header" would send the user looking in the wrong place.
    if (bestParse == null || bestScore == 0 && malformed) {
      throw new HtcdsImportException(List.of(wholeFile(HtcdsImportProblem.UNREADABLE_FILE)));
    }
    return List.of(bestParse);
  }

  private static int headerScore(List<RawRow> rows) {
    HtcdsHeaderMapper.Result result = HtcdsHeaderMapper.map(rows);
    if (result.layout() != null) {
      return result.layout().columns().size();
    }
    return isNoHeader(result) ? 0 : 1;
  }

  private static boolean looksBinary(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, SNIFF_BYTES); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isExcelName(String fileName) {
    if (fileName == null) {
      return false;
    }
    String lower = fileName.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".xlsm");
  }

  private List<HtcdsCaseRecord> records(List<RawRow> rows, HtcdsHeaderMapper.Layout layout)
      throws HtcdsImportException {
    LocalDate today = LocalDate.now(clock.withZone(ZONE));
    List<HtcdsImportError> errors = new ArrayList<>();
    HtcdsCellConverter converter = new HtcdsCellConverter(today, errors);
    List<HtcdsCaseRecord> records = new ArrayList<>();
    for (RawRow row : rows) {
      if (row.rowNumber() < layout.firstDataRowNumber() || isEmpty(row, layout)) {
        continue;
      }
      Map<HtcdsField, Object> values = new EnumMap<>(HtcdsField.class);
      for (HtcdsField field : HtcdsField.values()) {
        values.put(field, HtcdsCellConverter.blank(field));
      }
      // Columns in sheet order, so that a row's errors come out in the order the user reads them.
      layout
          .columns()
          .forEach(
              (column, field) ->
                  values.put(field, converter.convert(field, row.cell(column), row.rowNumber())));
      records.add(record(row.rowNumber(), values));
    }
    if (!errors.isEmpty()) {
      throw new HtcdsImportException(errors);
    }
    if (records.isEmpty()) {
      throw new HtcdsImportException(List.of(wholeFile(HtcdsImportProblem.NO_ROWS)));
    }
    return List.copyOf(records);
  }

  /**
   * A row without content in any recognised column, like the template's pre-numbered empty rows.
   */
  private static boolean isEmpty(RawRow row, HtcdsHeaderMapper.Layout layout) {
    return layout.columns().keySet().stream().allMatch(column -> row.cleanText(column) == null);
  }

  private static HtcdsImportError wholeFile(HtcdsImportProblem problem) {
    return new HtcdsImportError(0, null, problem, null);
  }

  /** Builds a record from field values typed as {@link HtcdsCellConverter#convert} returns them. */
  @SuppressWarnings("unchecked")
  static HtcdsCaseRecord record(int rowNumber, Map<HtcdsField, Object> v) {
    return new HtcdsCaseRecord(
        rowNumber,
        (String) v.get(HtcdsField.CASE_OWNER),
        (String) v.get(HtcdsField.SALUTATION),
        (String) v.get(HtcdsField.FIRST_NAME),
        (String) v.get(HtcdsField.SECOND_NAME),
        (Boolean) v.get(HtcdsField.CONSENT),
        (LocalDate) v.get(HtcdsField.BIRTHDATE),
        (Gender) v.get(HtcdsField.GENDER),
        (Set<String>) v.get(HtcdsField.CITIZENSHIP),
        (String) v.get(HtcdsField.TITLE),
        (String) v.get(HtcdsField.EMAIL),
        (String) v.get(HtcdsField.HOME_PHONE),
        (String) v.get(HtcdsField.MOBILE_PHONE),
        (String) v.get(HtcdsField.MAILING_STREET),
        (String) v.get(HtcdsField.MAILING_CITY),
        (String) v.get(HtcdsField.MAILING_STATE),
        (String) v.get(HtcdsField.MAILING_POSTAL_CODE),
        (String) v.get(HtcdsField.MAILING_COUNTRY),
        (TraffickingStatus) v.get(HtcdsField.TRAFFICKING_STATUS),
        (TraffickingStatusDecisionMakingOrg)
            v.get(HtcdsField.TRAFFICKING_STATUS_DECISION_MAKING_ORG),
        (Set<MethodOfRecruitment>) v.get(HtcdsField.METHOD_OF_RECRUITMENT),
        (String) v.get(HtcdsField.LOCATION_OF_RECRUITMENT),
        (Set<MethodOfControl>) v.get(HtcdsField.METHODS_OF_CONTROL),
        (Set<TypeOfExploitation>) v.get(HtcdsField.TYPE_OF_EXPLOITATION),
        (ForcedLabourIndustry) v.get(HtcdsField.FORCED_LABOUR_INDUSTRY),
        (Set<TypeOfSexExploitation>) v.get(HtcdsField.TYPE_OF_SEX_EXPLOITATION),
        (String) v.get(HtcdsField.LOCATION_OF_EXPLOITATION),
        (CaseStatus) v.get(HtcdsField.CASE_STATUS),
        (String) v.get(HtcdsField.REFERRING_ORGANISATION),
        (LocalDate) v.get(HtcdsField.INCOMING_REFERRAL_DATE),
        (String) v.get(HtcdsField.REFERRING_PRIMARY_CASE_WORKER),
        (ReferralReason) v.get(HtcdsField.REASON_FOR_INCOMING_REFERRAL),
        (String) v.get(HtcdsField.INCOMING_REFERRAL_DETAILS),
        (String) v.get(HtcdsField.REFERRED_ORGANISATION),
        (String) v.get(HtcdsField.REFERRED_PRIMARY_CASE_WORKER),
        (ReferralReason) v.get(HtcdsField.REASON_FOR_OUTGOING_REFERRAL),
        (LocalDate) v.get(HtcdsField.OUTGOING_REFERRAL_DATE),
        (String) v.get(HtcdsField.OUTGOING_REFERRAL_DETAILS),
        (String) v.get(HtcdsField.REASON_FOR_CASE_CLOSURE));
  }
}
