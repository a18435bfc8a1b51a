package rs.astra.nrm.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a UTF-8 CSV file into raw rows with Apache Commons CSV. */
final class CsvTables {

  private CsvTables() {}

  /**
   * Decodes CSV bytes as UTF-8, dropping a leading byte order mark.
   *
   * @param bytes the file
   * @return the text
   * @throws CharacterCodingException if the bytes are not valid UTF-8 (e.g. a Windows-1250 export),
   *     which must not be imported as garbled names
   */
  static String decode(byte[] bytes) throws CharacterCodingException {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
        .toString();
  }

  /**
   * Parses CSV text with RFC 4180 quoting (separators, line breaks and doubled quotes inside quoted
   * values).
   *
   * @param text the decoded file
   * @param delimiter {@code ','} or {@code ';'}
   * @return the records as rows, numbered from 1; blank lines are kept as empty rows so that
   *     numbers match what a spreadsheet program shows; the text-marking apostrophe of {@link
   *     SpreadsheetText#neutralise} is removed
   * @throws IOException if the text is not well-formed CSV (e.g. an unclosed quote)
   */
  static List<RawRow> parse(String text, char delimiter) throws IOException {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    List<RawRow> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (CSVRecord record : parser) {
        List<RawCell> cells = new ArrayList<>(record.size());
        for (String value : record) {
          cells.add(value.isEmpty() ? null : new RawCell.Text(SpreadsheetText.restore(value)));
        }
        rows.add(new RawRow(Math.toIntExact(record.getRecordNumber()), cells));
      }
    } catch (UncheckedIOException e) {
      // The record iterator wraps parse errors.
      throw e.getCause();
    }
    return rows;
  }
}
