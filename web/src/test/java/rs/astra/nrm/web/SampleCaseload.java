package rs.astra.nrm.web;

import java.io.IOException;
import java.io.InputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Facts about the bundled sample caseload read straight from the spreadsheet with POI, independent
 * of the portal's importer, so that tests compare the portal against the file and not against
 * itself.
 *
 * @param rows number of case rows (rows below the two header rows with a case owner)
 * @param referredColumnIndex index of the {@code cas_ReferredOrganisation} column
 */
record SampleCaseload(int rows, int referredColumnIndex) {

  static final String RESOURCE = "/rs/astra/nrm/exchange/htcds-caseload-sample.xlsx";

  static SampleCaseload read() throws IOException {
    try (Workbook wb = open()) {
      Sheet sheet = wb.getSheetAt(0);
      int owner = column(sheet, "cas_CaseOwner");
      int referred = column(sheet, "cas_ReferredOrganisation");
      int count = 0;
      for (Row row : sheet) {
        if (row.getRowNum() >= 2 && !text(row.getCell(owner)).isBlank()) {
          count++;
        }
      }
      return new SampleCaseload(count, referred);
    }
  }

  /** Number of sample cases whose outgoing referral names this organisation. */
  int referredTo(String organisation) throws IOException {
    try (Workbook wb = open()) {
      int count = 0;
      for (Row row : wb.getSheetAt(0)) {
        if (row.getRowNum() >= 2
            && text(row.getCell(referredColumnIndex)).strip().equals(organisation)) {
          count++;
        }
      }
      return count;
    }
  }

  private static Workbook open() throws IOException {
    InputStream in = SampleCaseload.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IOException("sample caseload not on the class path: " + RESOURCE);
    }
    return WorkbookFactory.create(in);
  }

  private static int column(Sheet sheet, String field) {
    for (Cell c : sheet.getRow(0)) {
      if (field.equals(text(c).strip())) {
        return c.getColumnIndex();
      }
    }
    throw new IllegalStateException("no column " + field);
  }

  private static String text(Cell cell) {
    return cell == null ? "" : new DataFormatter().formatCellValue(cell);
  }
}
