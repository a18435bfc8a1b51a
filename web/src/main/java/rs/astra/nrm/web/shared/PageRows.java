package rs.astra.nrm.web.shared;

import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The rows of one page of a lazy table, kept for the request that drew them and left out of the
 * session.
 *
 * <p>A PrimeFaces lazy model keeps the page it loaded, and the model lives in a view-scoped bean,
 * so the rows would be stored with the session: a member of a cluster serialises the {@code
 * <distributable/>} session into the data grid after every request and reads it back before the
 * next, and the session's serialisation was a fifth of the server's CPU under the list's load
 * (docs/benchmarks.md, "a single instance keeps its sessions in memory"). A stored page is written
 * as an empty list: after a restore the table holds no rows until it loads the page it draws next,
 * which it does for every page it draws. Use it only for tables whose rows hold nothing a post-back
 * must decode (links and text; no inputs, selection or row commands), because a restored table has
 * no rows to decode.
 *
 * @param <T> the row type
 */
public final class PageRows<T> extends AbstractList<T> implements RandomAccess, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final transient List<T> rows;

  private PageRows(List<T> rows) {
    this.rows = rows;
  }

  /**
   * Wraps a loaded page.
   *
   * @param rows the page as the service returned it, not {@code null}; not copied
   * @param <T> the row type
   * @return the same rows, stored as an empty list
   */
  public static <T> List<T> of(List<T> rows) {
    return new PageRows<>(rows);
  }

  @Override
  public T get(int index) {
    return rows.get(index);
  }

  @Override
  public int size() {
    return rows.size();
  }

  @Serial
  private Object writeReplace() {
    return new ArrayList<T>(0);
  }
}
