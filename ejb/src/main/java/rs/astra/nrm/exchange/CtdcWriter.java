package rs.astra.nrm.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes records in the CTDC global dataset layout: UTF-8, semicolon-separated, the CTDC column
 * names in the header (the first cell plainly {@code yearOfRegistration}), {@code -99} for every
 * unknown value, flags as 0/1, each concatenated column listing the labels of its group's flags
 * that are 1 (separated by "; ", {@code -99} when none is). {@link CtdcReader} reads it back.
 */
public final class CtdcWriter {

  /**
   * @param rows the records
   * @return the file's bytes
   */
  public byte[] write(List<CtdcRow> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CSVPrinter printer =
        new CSVPrinter(
            new OutputStreamWriter(out, StandardCharsets.UTF_8),
            CSVFormat.RFC4180.builder().setDelimiter(';').get())) {
      printer.printRecord(CtdcColumns.ALL);
      for (CtdcRow row : rows) {
        List<String> line = new ArrayList<>();
        for (String column : CtdcColumns.ALL) {
          line.add(SpreadsheetText.neutralise(value(row, column)));
        }
        printer.printRecord(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String value(CtdcRow row, String column) {
    var flag = CtdcFlag.byColumn(column);
    if (flag.isPresent()) {
      return String.valueOf(row.flag(flag.get()));
    }
    for (CtdcFlag.Group group : CtdcFlag.Group.values()) {
      if (column.equals(group.concatenatedColumn())) {
        String joined =
            group.flags().stream()
                .filter(f -> row.flag(f) == 1)
                .map(CtdcFlag::label)
                .collect(Collectors.joining("; "));
        return joined.isEmpty() ? CtdcReader.UNKNOWN : joined;
      }
    }
    Object v =
        switch (column) {
          case CtdcColumns.YEAR -> row.yearOfRegistration();
          case CtdcColumns.DATASOURCE -> row.datasource();
          case CtdcColumns.GENDER ->
              row.gender() == null
                  ? null
                  : switch (row.gender()) {
                    case FEMALE -> "Female";
                    case MALE -> "Male";
                    default -> null;
                  };
          case CtdcColumns.AGE -> row.ageBand() == null ? null : row.ageBand().ctdcLabel();
          case CtdcColumns.MAJORITY -> majority(row.majorityStatus());
          case CtdcColumns.MAJORITY_AT_EXPLOIT -> majority(row.majorityStatusAtExploit());
          case CtdcColumns.MAJORITY_ENTRY -> majority(row.majorityEntry());
          case CtdcColumns.CITIZENSHIP -> row.citizenship();
          case CtdcColumns.COUNTRY_OF_EXPLOITATION -> row.countryOfExploitation();
          case CtdcColumns.RECRUITER_RELATIONSHIP -> row.recruiterRelationship();
          default -> null;
        };
    return v == null ? CtdcReader.UNKNOWN : v.toString();
  }

  private static String majority(Majority m) {
    return m == null ? null : m == Majority.ADULT ? "Adult" : "Minor";
  }
}
