package rs.astra.nrm.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Audit ids come from blocks of the sequence, are never given twice, and a block serves several
 * requests.
 */
class AuditIdBlocksTest {

  /**
   * A sequence that starts at 50 and steps by 50, as {@code audit_record_seq} does, counting its
   * calls.
   */
  private static final class Sequence {
    final AtomicLong value = new AtomicLong(0);
    final AtomicInteger calls = new AtomicInteger();

    long nextval() {
      calls.incrementAndGet();
      return value.addAndGet(50);
    }
  }

  @Test
  void idsAreTakenFromTheReservedBlockBeforeTheDatabaseIsAskedAgain() {
    Sequence seq = new Sequence();
    AuditIdBlocks blocks = new AuditIdBlocks(50);
    assertArrayEquals(new long[] {1, 2, 3}, blocks.take(3, seq::nextval));
    assertArrayEquals(new long[] {4, 5}, blocks.take(2, seq::nextval));
    assertEquals(1, seq.calls.get(), "one nextval served both");
    long[] across = blocks.take(50, seq::nextval);
    assertEquals(6, across[0]);
    assertEquals(55, across[49], "the rest of the first block, then the next one");
    assertEquals(2, seq.calls.get());
    assertEquals(0, blocks.take(0, seq::nextval).length);
    long[] large = blocks.take(120, seq::nextval);
    assertEquals(56, large[0]);
    assertEquals(175, large[119]);
  }

  @Test
  void concurrentRequestsNeverGetTheSameId() throws Exception {
    Sequence seq = new Sequence();
    AuditIdBlocks blocks = new AuditIdBlocks(50);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int seed = t;
      results.add(
          pool.submit(
              () -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                  for (long id : blocks.take(1 + (i * 7 + seed) % 60, seq::nextval)) {
                    mine.add(id);
                  }
                }
                return mine;
              }));
    }
    Set<Long> all = new HashSet<>();
    long total = 0;
    for (Future<List<Long>> f : results) {
      List<Long> mine = f.get();
      total += mine.size();
      all.addAll(mine);
    }
    pool.shutdown();
    assertEquals(total, all.size(), "no id was given twice");
    assertEquals(
        true,
        all.stream().allMatch(id -> id >= 1 && id <= seq.value.get()),
        "every id is below the sequence's value");
  }
}
