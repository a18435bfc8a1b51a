package rs.astra.nrm.shared;

/**
 * The database refused a change (a constraint, a lost connection): a system exception, so the
 * transaction rolls back and the container logs it, with a message that names the business method
 * and the SQLState only, never the values of the refused statement. The user sees the general error
 * message.
 */
public class StorageRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String sqlState;

  /**
   * @param where the business method
   * @param sqlState the database's SQLState, or {@code null} if none was given
   */
  public StorageRefusedException(String where, String sqlState) {
    super("the database refused a change in " + where + " (SQLState " + sqlState + ")");
    this.sqlState = sqlState;
  }

  /**
   * @return the database's SQLState (e.g. {@code 23505}, a unique key), or {@code null}
   */
  public String sqlState() {
    return sqlState;
  }
}
