package rs.astra.nrm.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import rs.astra.nrm.operations.DatabaseSettings;

/**
 * The command-line verification of the sealed audit trail (README, "The sealed audit trail"): run
 * by a DPO or an auditor against the portal's database, without the portal, e.g.
 *
 * <pre>
 * NRM_DB_URL=jdbc:postgresql://db/nrm NRM_DB_USER=auditor mvn -q -pl persistence -Paudit-seal process-classes
 * </pre>
 *
 * <p>The database is chosen as the portal chooses it ({@link DatabaseSettings}: {@code NRM_DB_URL},
 * {@code NRM_DB_USER}, {@code NRM_DB_PASSWORD}, or the embedded database under {@code ./data}).
 * Only reads. Prints one line (dates dd.MM.yyyy) and exits with 0 when every sealed day matches, 1
 * when a day no longer matches (naming the first), 2 when the database cannot be read.
 */
public final class AuditSealCheck {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private AuditSealCheck() {}

  /**
   * Verifies the seal chain and exits.
   *
   * @param args none are read
   */
  public static void main(String[] args) {
    DatabaseSettings settings = DatabaseSettings.current();
    int status;
    // An embedded database that is not there is not created (H2 would create an empty one).
    String url =
        settings.embedded() && !settings.url().contains("IFEXISTS")
            ? settings.url() + ";IFEXISTS=TRUE"
            : settings.url();
    try (Connection c =
        DriverManager.getConnection(url, settings.connectionProperties(null, null))) {
      c.setReadOnly(true);
      status = report(AuditSealChain.verify(c), System.out);
    } catch (SQLException e) {
      // The SQLState and the database, never data: the message of a failed connection names no
      // record.
      // 90020: H2's file is locked by a running portal (the embedded database serves one process).
      String hint =
          "90020".equals(e.getSQLState())
              ? "; the embedded database is in use: stop the portal first"
              : "";
      System.out.println(
          "audit seal: cannot read the database "
              + settings
              + " (SQLState "
              + e.getSQLState()
              + ")"
              + hint);
      status = 2;
    }
    System.exit(status);
  }

  /**
   * Prints the outcome of a verification as one line.
   *
   * @param v the outcome
   * @param out where to print
   * @return the exit status: 0 intact, 1 broken
   */
  static int report(AuditSealChain.Verification v, PrintStream out) {
    if (v.intact()) {
      if (v.sealedDays() == 0) {
        out.println("audit seal: no day is sealed yet (the nightly job seals each finished day)");
      } else {
        out.println(
            "audit seal: intact — "
                + v.sealedDays()
                + " sealed days from "
                + format(v.firstDay())
                + " to "
                + format(v.lastDay())
                + " match");
      }
      return 0;
    }
    out.println(
        "audit seal: BROKEN — the first day that no longer matches is "
            + format(v.brokenDay())
            + " ("
            + v.problem()
            + ")");
    return 1;
  }

  private static String format(LocalDate day) {
    return day == null ? "-" : DAY.format(day);
  }
}
