package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds small workbooks and CSV files in memory and runs the reader on them. */
final class TestFiles {

  /** "Today" for all tests except those about the clock itself. */
  static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

  /** A formula cell; the workbook is evaluated before saving, so the cached value is set. */
  record Formula(String formula, boolean dateFormatted) {}

  private TestFiles() {}

  static HtcdsSpreadsheetReader reader() {
    return readerOn(TODAY);
  }

  static HtcdsSpreadsheetReader readerOn(LocalDate today) {
    return new HtcdsSpreadsheetReader(
        Clock.fixed(
            ZonedDateTime.of(today.atTime(12, 0), HtcdsSpreadsheetReader.ZONE).toInstant(),
            HtcdsSpreadsheetReader.ZONE));
  }

  /**
   * Builds an xlsx whose first sheet has the given rows from row 1 down, cells from column A right.
   * Cell values: {@code null} (no cell), String, Number (General format), Boolean, LocalDate (a
   * date cell) or {@link Formula}.
   */
  static byte[] xlsx(Object[]... rows) {
    try (Workbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Sheet1");
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(
          workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
      for (int r = 0; r < rows.length; r++) {
        if (rows[r] == null) {
          continue;
        }
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          Object value = rows[r][c];
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          switch (value) {
            case String text -> cell.setCellValue(text);
            case Number number -> cell.setCellValue(number.doubleValue());
            case Boolean bool -> cell.setCellValue(bool);
            case LocalDate date -> {
              cell.setCellValue(date);
              cell.setCellStyle(dateStyle);
            }
            case Formula formula -> {
              cell.setCellFormula(formula.formula());
              if (formula.dateFormatted()) {
                cell.setCellStyle(dateStyle);
              }
            }
            default ->
                throw new IllegalArgumentException("unsupported cell value " + value.getClass());
          }
        }
      }
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An xlsx with a field-name header in row 1 and one data row in row 2. */
  static byte[] xlsxRow(String[] header, Object... values) {
    return xlsx(header, values);
  }

  static byte[] csv(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static List<HtcdsCaseRecord> read(byte[] file, String fileName) throws HtcdsImportException {
    return reader().read(new ByteArrayInputStream(file), fileName);
  }

  static HtcdsCaseRecord readOne(byte[] file) throws HtcdsImportException {
    List<HtcdsCaseRecord> records = read(file, "cases.xlsx");
    if (records.size() != 1) {
      throw new AssertionError("expected one record, got " + records.size());
    }
    return records.getFirst();
  }

  static List<HtcdsImportError> errors(byte[] file, String fileName) {
    return assertThrows(HtcdsImportException.class, () -> read(file, fileName)).errors();
  }

  /** Reads an xlsx with the owner and one other column, holding the given value in row 2. */
  static HtcdsCaseRecord readValue(String column, Object value) throws HtcdsImportException {
    return readOne(xlsxRow(new String[] {"cas_CaseOwner", column}, "ngo.caseworker1", value));
  }

  /** Reads an xlsx with the owner and one other column, and returns the errors of that value. */
  static List<HtcdsImportError> valueErrors(String column, Object value) {
    return errors(
        xlsxRow(new String[] {"cas_CaseOwner", column}, "ngo.caseworker1", value), "cases.xlsx");
  }

  static HtcdsImportError error(int row, String column, HtcdsImportProblem problem, String value) {
    return new HtcdsImportError(row, column, problem, value);
  }
}
