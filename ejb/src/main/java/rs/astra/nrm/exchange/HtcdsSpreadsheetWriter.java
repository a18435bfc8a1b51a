package rs.astra.nrm.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes cases in the HTCDS 2.0 spreadsheet format, so that {@link HtcdsSpreadsheetReader} (and
 * IOM's tools) read them back: into the standard's own Excel template (unchanged IOM HTCDS 2.0
 * toolkit template, both header rows kept, data from row 3, column A numbered as in the template),
 * or as UTF-8 CSV whose header holds the HTCDS field names.
 *
 * <p>Values: picklists by HTCDS value name, multi-select values joined by {@code ;}, countries as
 * ISO 3166-1 alpha-2 codes, dates as Excel dates (dd.MM.yyyy) in the workbook and ISO 8601 in CSV,
 * the consent flag as TRUE/FALSE. An absent value is an empty cell. Writes nothing to logs.
 */
public final class HtcdsSpreadsheetWriter {

  /** The IOM HTCDS 2.0 Excel template (CC BY 4.0), copied unchanged from the standard's toolkit. */
  static final String TEMPLATE = "/rs/astra/nrm/exchange/htcds-excel-template-2.0.xlsx";

  /**
   * Writes a workbook in the HTCDS template.
   *
   * @param records the cases, in order; their row numbers are ignored
   * @param out where the xlsx goes; not closed
   * @throws UncheckedIOException if writing fails
   */
  public void writeWorkbook(List<HtcdsCaseRecord> records, OutputStream out) {
    try (InputStream template = HtcdsSpreadsheetWriter.class.getResourceAsStream(TEMPLATE);
        XSSFWorkbook workbook = new XSSFWorkbook(template)) {
      Sheet sheet = workbook.getSheetAt(0);
      HtcdsHeaderMapper.Layout layout = layoutOf(sheet);
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(
          workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
      int rowIndex = layout.firstDataRowNumber() - 1;
      int number = 1;
      for (HtcdsCaseRecord record : records) {
        Row row =
            sheet.getRow(rowIndex) != null ? sheet.getRow(rowIndex) : sheet.createRow(rowIndex);
        Cell numberCell = row.getCell(0) != null ? row.getCell(0) : row.createCell(0);
        numberCell.setCellValue(number++);
        for (Map.Entry<Integer, HtcdsField> column : layout.columns().entrySet()) {
          Object value = valueOf(column.getValue(), record);
          Cell cell =
              row.getCell(column.getKey()) != null
                  ? row.getCell(column.getKey())
                  : row.createCell(column.getKey());
          if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            cell.setBlank();
          } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
          } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
          } else {
            cell.setCellValue(text(value));
          }
        }
        rowIndex++;
      }
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes CSV: a header of HTCDS field names in {@link HtcdsSpreadsheetReader#recognisedColumns()}
   * order, one line per case, comma-separated with RFC 4180 quoting, UTF-8 with a byte order mark
   * (so that Excel opens Serbian names correctly); text that a spreadsheet program would take for a
   * formula is marked as text ({@link SpreadsheetText#neutralise}), and the reader removes the
   * mark.
   *
   * @param records the cases, in order
   * @param out where the CSV goes; not closed
   * @throws UncheckedIOException if writing fails
   */
  public void writeCsv(List<HtcdsCaseRecord> records, OutputStream out) {
    try {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
      printer.printRecord(HtcdsSpreadsheetReader.recognisedColumns());
      for (HtcdsCaseRecord record : records) {
        List<String> line = new ArrayList<>();
        for (HtcdsField field : HtcdsField.values()) {
          Object value = valueOf(field, record);
          line.add(
              value == null
                  ? ""
                  : value instanceof LocalDate d
                      ? d.toString()
                      : value instanceof Boolean b
                          ? (b ? "TRUE" : "FALSE")
                          : SpreadsheetText.neutralise(text(value)));
        }
        printer.printRecord(line);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param records the cases
   * @return the workbook's bytes
   */
  public byte[] workbook(List<HtcdsCaseRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeWorkbook(records, out);
    return out.toByteArray();
  }

  /**
   * @param records the cases
   * @return the CSV's bytes
   */
  public byte[] csv(List<HtcdsCaseRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeCsv(records, out);
    return out.toByteArray();
  }

  /** The template's columns, found by the same header mapper the reader uses. */
  private static HtcdsHeaderMapper.Layout layoutOf(Sheet sheet) {
    List<RawRow> rows = new ArrayList<>();
    for (int i = 0; i < HtcdsHeaderMapper.HEADER_SEARCH_ROWS && i <= sheet.getLastRowNum(); i++) {
      Row row = sheet.getRow(i);
      List<RawCell> cells = new ArrayList<>();
      if (row != null) {
        for (int j = 0; j < row.getLastCellNum(); j++) {
          Cell cell = row.getCell(j);
          cells.add(
              cell != null && cell.getCellType() == CellType.STRING
                  ? new RawCell.Text(cell.getStringCellValue())
                  : null);
        }
      }
      rows.add(new RawRow(i + 1, cells));
    }
    HtcdsHeaderMapper.Result result = HtcdsHeaderMapper.map(rows);
    if (result.layout() == null) {
      throw new IllegalStateException("the bundled HTCDS template has no readable header");
    }
    return result.layout();
  }

  private static String text(Object value) {
    if (value instanceof Collection<?> values) {
      return values.stream().map(HtcdsSpreadsheetWriter::text).collect(Collectors.joining(";"));
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value.toString();
  }

  /**
   * The value of a field in a record.
   *
   * @param field the field
   * @param r the record
   * @return a String, Boolean, LocalDate, enum constant or set; {@code null} or empty when absent
   */
  static Object valueOf(HtcdsField field, HtcdsCaseRecord r) {
    return switch (field) {
      case CASE_OWNER -> r.caseOwner();
      case SALUTATION -> r.salutation();
      case FIRST_NAME -> r.firstName();
      case SECOND_NAME -> r.secondName();
      case CONSENT -> r.consent();
      case BIRTHDATE -> r.birthdate();
      case GENDER -> r.gender();
      case CITIZENSHIP -> r.citizenship();
      case TITLE -> r.title();
      case EMAIL -> r.email();
      case HOME_PHONE -> r.homePhone();
      case MOBILE_PHONE -> r.mobilePhone();
      case MAILING_STREET -> r.mailingStreet();
      case MAILING_CITY -> r.mailingCity();
      case MAILING_STATE -> r.mailingState();
      case MAILING_POSTAL_CODE -> r.mailingPostalCode();
      case MAILING_COUNTRY -> r.mailingCountry();
      case TRAFFICKING_STATUS -> r.traffickingStatus();
      case TRAFFICKING_STATUS_DECISION_MAKING_ORG -> r.traffickingStatusDecisionMakingOrg();
      case METHOD_OF_RECRUITMENT -> r.methodOfRecruitment();
      case LOCATION_OF_RECRUITMENT -> r.locationOfRecruitment();
      case METHODS_OF_CONTROL -> r.methodsOfControl();
      case TYPE_OF_EXPLOITATION -> r.typeOfExploitation();
      case FORCED_LABOUR_INDUSTRY -> r.forcedLabourIndustry();
      case TYPE_OF_SEX_EXPLOITATION -> r.typeOfSexExploitation();
      case LOCATION_OF_EXPLOITATION -> r.locationOfExploitation();
      case CASE_STATUS -> r.caseStatus();
      case REFERRING_ORGANISATION -> r.referringOrganisation();
      case INCOMING_REFERRAL_DATE -> r.incomingReferralDate();
      case REFERRING_PRIMARY_CASE_WORKER -> r.referringPrimaryCaseWorker();
      case REASON_FOR_INCOMING_REFERRAL -> r.reasonForIncomingReferral();
      case INCOMING_REFERRAL_DETAILS -> r.incomingReferralDetails();
      case REFERRED_ORGANISATION -> r.referredOrganisation();
      case REFERRED_PRIMARY_CASE_WORKER -> r.referredPrimaryCaseWorker();
      case REASON_FOR_OUTGOING_REFERRAL -> r.reasonForOutgoingReferral();
      case OUTGOING_REFERRAL_DATE -> r.outgoingReferralDate();
      case OUTGOING_REFERRAL_DETAILS -> r.outgoingReferralDetails();
      case REASON_FOR_CASE_CLOSURE -> r.reasonForCaseClosure();
    };
  }

  /**
   * A copy of a record without the fields of the given categories (for categories the policy
   * denies).
   *
   * @param record the full record
   * @param keep whether a field's category may be exported
   * @return the record with every other field absent
   */
  static HtcdsCaseRecord keepOnly(
      HtcdsCaseRecord record,
      java.util.function.Predicate<rs.astra.nrm.casefile.DataCategory> keep) {
    Map<HtcdsField, Object> values = new EnumMap<>(HtcdsField.class);
    for (HtcdsField field : HtcdsField.values()) {
      values.put(
          field,
          keep.test(field.category()) ? valueOf(field, record) : HtcdsCellConverter.blank(field));
    }
    return HtcdsSpreadsheetReader.record(record.rowNumber(), values);
  }
}
