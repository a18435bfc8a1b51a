package rs.astra.nrm.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the HTCDS header of a sheet and decides which column holds which field.
 *
 * <p>The IOM template has two header rows: field names (row 1) and labels (row 2), which do not
 * line up for the mailing address columns, and one column (Reason for Outgoing Referral) has only a
 * label. Hand-made files and CSV exports often have only one header row, of names or of labels. So:
 * the first row near the top that is mostly HTCDS headers is the header; the row after it is a
 * second header row if it too is mostly HTCDS headers; a field name in either row wins over a
 * label.
 */
final class HtcdsHeaderMapper {

  /** How far down the header is looked for: allows for a title row or two above it. */
  static final int HEADER_SEARCH_ROWS = 10;

  /**
   * Looks like any HTCDS 2.0 field name (one of the standard's prefixes, then the name), even of a
   * field we do not store.
   */
  private static final Pattern HTCDS_FIELD_NAME =
      Pattern.compile("(?i)(cas|cco|con|hte|org|per|prs|spl|vic)_[a-z0-9]+");

  /**
   * Where the data is and which column holds which field.
   *
   * @param headerRowNumber the row number of the (first) header row
   * @param firstDataRowNumber the row number data starts at: after the label row if there is one
   * @param columns the 0-based column index of every recognised field, in column order
   */
  record Layout(int headerRowNumber, int firstDataRowNumber, Map<Integer, HtcdsField> columns) {}

  /**
   * The outcome: a layout, or the header problems that make the file unreadable.
   *
   * @param layout the layout, or {@code null} when there are errors
   * @param errors header problems in column order, empty when a layout was found
   */
  record Result(Layout layout, List<HtcdsImportError> errors) {}

  private HtcdsHeaderMapper() {}

  /**
   * Maps the header of a sheet.
   *
   * @param rows the sheet's rows in order (only the first {@value #HEADER_SEARCH_ROWS} row numbers
   *     are searched)
   * @return a layout, or {@link HtcdsImportProblem#NO_HEADER} when no header row is found, {@link
   *     HtcdsImportProblem#DUPLICATE_COLUMN} for each column repeating a field, or {@link
   *     HtcdsImportProblem#REQUIRED_MISSING} when there is no {@code cas_CaseOwner} column
   */
  static Result map(List<RawRow> rows) {
    int headerIndex = -1;
    for (int i = 0; i < rows.size() && rows.get(i).rowNumber() <= HEADER_SEARCH_ROWS; i++) {
      if (isMostlyHeaders(rows.get(i))) {
        headerIndex = i;
        break;
      }
    }
    if (headerIndex < 0) {
      return new Result(
          null, List.of(new HtcdsImportError(0, null, HtcdsImportProblem.NO_HEADER, null)));
    }
    RawRow header = rows.get(headerIndex);
    RawRow second = headerIndex + 1 < rows.size() ? rows.get(headerIndex + 1) : null;
    boolean hasSecondHeader =
        second != null && second.rowNumber() == header.rowNumber() + 1 && isMostlyHeaders(second);
    List<RawRow> headerRows = hasSecondHeader ? List.of(header, second) : List.of(header);

    int width = headerRows.stream().mapToInt(row -> row.cells().size()).max().orElse(0);
    Map<Integer, HtcdsField> columns = new TreeMap<>();
    Map<HtcdsField, Integer> seen = new EnumMap<>(HtcdsField.class);
    List<HtcdsImportError> errors = new ArrayList<>();
    for (int column = 0; column < width; column++) {
      Optional<Match> match = matchColumn(headerRows, column);
      if (match.isEmpty()) {
        continue;
      }
      HtcdsField field = match.get().field();
      if (seen.putIfAbsent(field, column) != null) {
        errors.add(
            new HtcdsImportError(
                match.get().rowNumber(),
                match.get().text(),
                HtcdsImportProblem.DUPLICATE_COLUMN,
                null));
      } else {
        columns.put(column, field);
      }
    }
    if (!seen.containsKey(HtcdsField.CASE_OWNER)) {
      errors.add(
          new HtcdsImportError(
              header.rowNumber(),
              HtcdsField.CASE_OWNER.htcdsName(),
              HtcdsImportProblem.REQUIRED_MISSING,
              null));
    }
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    int firstDataRow = header.rowNumber() + headerRows.size();
    return new Result(
        new Layout(header.rowNumber(), firstDataRow, Collections.unmodifiableMap(columns)),
        List.of());
  }

  private record Match(HtcdsField field, int rowNumber, String text) {}

  private static Optional<Match> matchColumn(List<RawRow> headerRows, int column) {
    boolean hasFieldName = false;
    for (RawRow row : headerRows) {
      String text = row.cleanText(column);
      if (text == null) {
        continue;
      }
      Optional<HtcdsField> field = HtcdsField.byFieldName(text);
      if (field.isPresent()) {
        return Optional.of(new Match(field.get(), row.rowNumber(), text));
      }
      hasFieldName |= HTCDS_FIELD_NAME.matcher(text).matches();
    }
    if (hasFieldName) {
      // A field name we do not store: its label row cell may be misaligned, so do not guess from
      // it.
      return Optional.empty();
    }
    for (RawRow row : headerRows) {
      String text = row.cleanText(column);
      Optional<HtcdsField> field = HtcdsField.byLabel(text);
      if (text != null && field.isPresent()) {
        return Optional.of(new Match(field.get(), row.rowNumber(), text));
      }
    }
    return Optional.empty();
  }

  /** More than half of the row's non-empty cells are HTCDS field names or labels. */
  private static boolean isMostlyHeaders(RawRow row) {
    int nonEmpty = 0;
    int headers = 0;
    for (int column = 0; column < row.cells().size(); column++) {
      String text = row.cleanText(column);
      if (text == null) {
        continue;
      }
      nonEmpty++;
      if (HtcdsField.byHeaderText(text).isPresent() || HTCDS_FIELD_NAME.matcher(text).matches()) {
        headers++;
      }
    }
    return headers > 0 && headers * 2 > nonEmpty;
  }
}
