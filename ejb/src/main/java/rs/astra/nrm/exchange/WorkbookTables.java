package rs.astra.nrm.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads the sheets of an Excel workbook (xlsx, or legacy xls) into raw rows with Apache POI. */
final class WorkbookTables {

  private WorkbookTables() {}

  /**
   * Reads every sheet.
   *
   * @param bytes the workbook file
   * @return the sheets in workbook order, each as its non-empty rows in order
   * @throws IOException if the workbook cannot be read
   * @throws RuntimeException if POI rejects the file (corrupt, encrypted, not a workbook); POI
   *     signals most format problems with unchecked exceptions
   */
  static List<List<RawRow>> read(byte[] bytes) throws IOException {
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      boolean date1904 = workbook instanceof Date1904Support support && support.isDate1904();
      List<List<RawRow>> sheets = new ArrayList<>();
      for (Sheet sheet : workbook) {
        sheets.add(readSheet(sheet, date1904));
      }
      return sheets;
    }
  }

  private static List<RawRow> readSheet(Sheet sheet, boolean date1904) {
    List<RawRow> rows = new ArrayList<>();
    for (Row row : sheet) {
      int width = Math.max(row.getLastCellNum(), 0);
      RawCell[] cells = new RawCell[width];
      for (Cell cell : row) {
        if (cell.getColumnIndex() < width) {
          cells[cell.getColumnIndex()] = rawCell(cell, date1904);
        }
      }
      rows.add(new RawRow(row.getRowNum() + 1, Collections.unmodifiableList(Arrays.asList(cells))));
    }
    return rows;
  }

  private static RawCell rawCell(Cell cell, boolean date1904) {
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      // The cached result is what the user saw when saving; re-evaluating could differ or fail.
      type = cell.getCachedFormulaResultType();
    }
    return switch (type) {
      case STRING -> new RawCell.Text(cell.getStringCellValue());
      case NUMERIC -> number(cell, date1904);
      case BOOLEAN -> new RawCell.Bool(cell.getBooleanCellValue());
      case ERROR -> new RawCell.Text(FormulaError.forInt(cell.getErrorCellValue()).getString());
      default -> null;
    };
  }

  private static RawCell number(Cell cell, boolean date1904) {
    double value = cell.getNumericCellValue();
    LocalDate date =
        DateUtil.isValidExcelDate(value)
            ? DateUtil.getLocalDateTime(value, date1904).toLocalDate()
            : null;
    return new RawCell.Number(value, DateUtil.isCellDateFormatted(cell), date);
  }
}
