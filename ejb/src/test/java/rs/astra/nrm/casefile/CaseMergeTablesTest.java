package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A merge (issue 19) moves every row of the absorbed case: every table the Flyway migrations give a
 * {@code case_file_id} column is in {@link CaseMergeService#MOVED_WITH_THE_CASE}, except the
 * append-only audit trail. A new table with a case column fails here until the merge handles it.
 */
class CaseMergeTablesTest {

  private static final Pattern CREATE = Pattern.compile("(?is)create table (\\w+) \\((.*?)\\n\\);");
  private static final Pattern ALTER =
      Pattern.compile("(?i)alter table (\\w+) add column case_file_id");

  @Test
  void everyTableWithACaseColumnButTheAuditTrailMovesWithAMerge() throws IOException {
    Set<String> withCase = new TreeSet<>();
    try (Stream<Path> files =
        Files.walk(Path.of("../persistence/src/main/resources/db/migration"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
        String sql = Files.readString(f);
        Matcher m = CREATE.matcher(sql);
        while (m.find()) {
          if (Pattern.compile("(?m)^\\s*case_file_id\\s").matcher(m.group(2)).find()) {
            withCase.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
          }
        }
        Matcher a = ALTER.matcher(sql);
        while (a.find()) {
          withCase.add(a.group(1).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    withCase.remove("audit_record");
    assertEquals(withCase, new TreeSet<>(CaseMergeService.MOVED_WITH_THE_CASE));
  }
}
