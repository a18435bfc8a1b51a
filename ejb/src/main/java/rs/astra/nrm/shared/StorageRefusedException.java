package rs.astra.nrm.shared;

/**
 * The database refused a change (a constraint, a lost connection): a system exception, so the
 * transaction rolls back and the container logs it, with a message that names the business method
 * and the SQLState only, never the values of the refused statement. The user sees the general error
 * message.
 */
public class StorageRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param where the business method
   * @param sqlState the database's SQLState, or {@code null} if none was given
   */
  public StorageRefusedException(String where, String sqlState) {
    super("the database refused a change in " + where + " (SQLState " + sqlState + ")");
  }
}
