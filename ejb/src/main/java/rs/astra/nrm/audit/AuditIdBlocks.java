package rs.astra.nrm.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.LongSupplier;

/**
 * Ids for audit records, handed out from blocks of the sequence {@code audit_record_seq}: one
 * {@code nextval} of {@code n} reserves {@code n − }{@link AuditRecord#ID_BLOCK}{@code + 1 … n} for
 * this server alone (the sequence steps by the block size), and the ids a request does not use are
 * kept for the next one. The lock is held only to take ids already reserved, never while the
 * database is asked for a block, so requests do not queue behind one another's {@code nextval} —
 * unlike the persistence provider's own preallocation, whose shared lock held 37 % of the portal's
 * CPU samples under 50 sessions (docs/benchmarks.md). Ids are unique and increase within a block;
 * gaps (ids of a block left when a server stops, or dropped when two requests fetch a block at
 * once) are normal.
 */
@ApplicationScoped
public class AuditIdBlocks {

  private final int block;
  private long next = 1;
  private long last = 0;

  /** The block of {@code audit_record_seq}. */
  public AuditIdBlocks() {
    this(AuditRecord.ID_BLOCK);
  }

  AuditIdBlocks(int block) {
    this.block = block;
  }

  /**
   * @param n how many ids, 0 or more
   * @param nextval asks the database for the sequence's next value (the top of a new block); called
   *     outside any lock, as often as needed
   * @return {@code n} ids no other call of any server gets
   */
  public long[] take(int n, LongSupplier nextval) {
    long[] ids = new long[n];
    int taken = 0;
    synchronized (this) {
      while (taken < n && next <= last) {
        ids[taken++] = next++;
      }
    }
    while (taken < n) {
      long top = nextval.getAsLong();
      long id = top - block + 1;
      while (taken < n && id <= top) {
        ids[taken++] = id++;
      }
      if (id <= top) {
        synchronized (this) {
          // Keep the larger remainder; the other one's ids are simply never used.
          if (top - id > last - next) {
            next = id;
            last = top;
          }
        }
      }
    }
    return ids;
  }
}
