package rs.astra.nrm.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DocumentBenchTest {

  @Test
  void theTestFileIsAPdfOfTwentyMebibytesFromTheSeed() {
    byte[] file = DocumentBench.pdf(7);
    String head = new String(file, 0, 9, StandardCharsets.US_ASCII);
    String tail = new String(file, file.length - 7, 7, StandardCharsets.US_ASCII);
    assertEquals("%PDF-1.4\n", head);
    assertEquals("\n%%EOF\n", tail);
    assertEquals(DocumentBench.FILE_MIB * 1024 * 1024 + 16, file.length);
    assertArrayEquals(file, DocumentBench.pdf(7));
    assertTrue(!Arrays.equals(file, DocumentBench.pdf(8)));
  }

  @Test
  void aStepThatDidNotRunStillGivesItsTable() {
    DocumentBench.Result r = new DocumentBench.Result();
    r.problem = "no login";
    StringBuilder out = new StringBuilder();
    DocumentBench.report(out, r);
    assertTrue(out.toString().contains("**Documents**"));
    assertTrue(out.toString().contains("Documents step FAILED: no login"));
  }
}
