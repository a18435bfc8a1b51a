package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A merge of two cases (issue 19) may be undone once, within 30 days of the merge; afterwards the
 * undo is refused and the merge stays as it was.
 */
class CaseMergeTest {

  private static final Instant MERGED = Instant.parse("2026-11-01T10:00:00Z");

  private CaseMerge merge() {
    return new CaseMerge(
        1, 2, 7, MERGED, " same person ", List.of(new CaseMerge.MovedRow("referral", 50)));
  }

  @Test
  void aMergeCanBeUndoneUpToThirtyDaysAfterIt() {
    CaseMerge m = merge();
    Instant lastMoment = MERGED.plus(Duration.ofDays(30));
    assertTrue(m.undoableAt(lastMoment));
    m.undo(9, lastMoment);
    assertEquals(lastMoment, m.getUndoneAt());
    assertEquals(9L, m.getUndoneById());
  }

  @Test
  void anUndoAfterThirtyDaysIsRefusedAndChangesNothing() {
    CaseMerge m = merge();
    Instant late = MERGED.plus(Duration.ofDays(30)).plusSeconds(1);
    assertFalse(m.undoableAt(late));
    assertThrows(IllegalStateException.class, () -> m.undo(9, late));
    assertNull(m.getUndoneAt());
  }

  @Test
  void aMergeIsUndoneOnlyOnce() {
    CaseMerge m = merge();
    m.undo(9, MERGED.plusSeconds(60));
    assertFalse(m.undoableAt(MERGED.plusSeconds(120)));
    assertThrows(IllegalStateException.class, () -> m.undo(9, MERGED.plusSeconds(120)));
  }

  @Test
  void aMergeNeedsAReasonAndTwoCases() {
    assertThrows(
        IllegalArgumentException.class, () -> new CaseMerge(1, 2, 7, MERGED, " ", List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CaseMerge(1, 1, 7, MERGED, "same person", List.of()));
    assertEquals("same person", merge().getReason());
  }

  @Test
  void aPairMarkedNotTheSamePersonIsStoredInOneOrder() {
    DistinctPersonsMark one = new DistinctPersonsMark(9, 4, 7, MERGED);
    DistinctPersonsMark other = new DistinctPersonsMark(4, 9, 7, MERGED);
    assertEquals(4, one.getFirstCaseId());
    assertEquals(9, one.getSecondCaseId());
    assertEquals(one.getFirstCaseId(), other.getFirstCaseId());
    assertThrows(IllegalArgumentException.class, () -> new DistinctPersonsMark(4, 4, 7, MERGED));
  }
}
