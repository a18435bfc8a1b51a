package rs.astra.nrm.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.primefaces.component.api.UIColumn;
import org.primefaces.component.export.ColumnValue;
import org.primefaces.component.export.ExcelOptions;
import org.primefaces.util.ExcelStylesManager;
import rs.astra.nrm.web.shared.ListExport.Format;

/**
 * Days in the list exports: real date cells in XLSX, {@code dd.MM.yyyy} text in CSV. The XLSX cells
 * are written by PrimeFaces' own cell writer with the exporter's options, as {@code p:dataExporter}
 * does, and read back with POI.
 */
class ListExportTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 5);
  private static final Locale SERBIAN = Locale.forLanguageTag("sr-Latn-RS");

  @Test
  void anXlsxExportWritesADayAsADateCellFormattedDayMonthYear() throws Exception {
    Object value = ListExport.cell(DAY, Format.XLSX);
    try (Workbook read = writeAndRead(value, ListExport.excelOptions())) {
      Cell cell = read.getSheetAt(0).getRow(0).getCell(0);
      assertEquals(CellType.NUMERIC, cell.getCellType());
      assertTrue(DateUtil.isCellDateFormatted(cell), "a date cell");
      assertEquals(DAY, cell.getLocalDateTimeCellValue().toLocalDate());
      assertEquals("dd.mm.yyyy", cell.getCellStyle().getDataFormatString());
      assertEquals("05.12.2026", new DataFormatter(SERBIAN).formatCellValue(cell));
    }
  }

  @Test
  void theDayAsTextWasReadAsANumberInTheSerbianLocale() throws Exception {
    // Why days do not go to the XLSX exporter as text: the dot is the Serbian grouping separator.
    try (Workbook read = writeAndRead("05.12.2026", ListExport.excelOptions())) {
      Cell cell = read.getSheetAt(0).getRow(0).getCell(0);
      assertEquals(CellType.NUMERIC, cell.getCellType());
      assertNotEquals(true, DateUtil.isCellDateFormatted(cell));
      assertEquals(5122026.0, cell.getNumericCellValue());
    }
  }

  @Test
  void aCsvExportWritesADayAsDayMonthYearText() {
    assertEquals("05.12.2026", ListExport.cell(DAY, Format.CSV));
    assertEquals("05.12.2026", ListExport.cell(DAY, Format.OTHER));
    assertEquals("", ListExport.cell(null, Format.CSV));
    assertEquals("", ListExport.cell(null, Format.XLSX));
  }

  @Test
  void theExportersDocumentTellsTheFormat() throws Exception {
    try (Workbook workbook = new XSSFWorkbook()) {
      assertEquals(Format.XLSX, Format.of(workbook));
    }
    assertEquals(Format.CSV, Format.of(new StringWriter()));
    assertEquals(Format.OTHER, Format.of(new Object()));
  }

  /** A column with no style, as the lists' date columns are (a real one needs a Faces context). */
  private static UIColumn plainColumn() {
    return (UIColumn)
        java.lang.reflect.Proxy.newProxyInstance(
            UIColumn.class.getClassLoader(),
            new Class<?>[] {UIColumn.class},
            (proxy, method, args) -> null);
  }

  private static Workbook writeAndRead(Object value, ExcelOptions options) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Workbook written = new XSSFWorkbook()) {
      Cell cell = written.createSheet("cases").createRow(0).createCell(0);
      ExcelStylesManager.createExcelStylesManager(written, SERBIAN, options)
          .updateCell(plainColumn(), cell, ColumnValue.of(value));
      written.write(bytes);
    }
    return WorkbookFactory.create(new ByteArrayInputStream(bytes.toByteArray()));
  }
}
