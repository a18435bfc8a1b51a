package rs.astra.nrm.web.operations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Posts larger than the server takes are refused up front with a page, not a failure. */
class RequestSizeFilterTest {

  @Test
  void formsUpTo2MiBAndUploadsUpTo27MiBWithTheirFormPass() {
    assertFalse(
        RequestSizeFilter.tooLarge("POST", "application/x-www-form-urlencoded", 2L * 1024 * 1024));
    assertTrue(
        RequestSizeFilter.tooLarge(
            "POST", "application/x-www-form-urlencoded; charset=UTF-8", 2L * 1024 * 1024 + 1));
    assertFalse(
        RequestSizeFilter.tooLarge("POST", "multipart/form-data; boundary=x", 25L * 1024 * 1024),
        "a 25 MiB case document");
    assertTrue(
        RequestSizeFilter.tooLarge("POST", "multipart/form-data; boundary=x", 40L * 1024 * 1024),
        "the 40 MB file of the trial");
    assertFalse(
        RequestSizeFilter.tooLarge("POST", "application/x-www-form-urlencoded", -1),
        "no length: judged while read");
    assertFalse(RequestSizeFilter.tooLarge("GET", null, 5L * 1024 * 1024));
  }
}
