package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import rs.astra.nrm.casefile.Person;

/**
 * Fills {@code person.name_key} (added by V22) for the persons already stored, with {@link
 * Person#nameKeyOf}, as the entity fills it for new and changed names. Runs on H2 and PostgreSQL
 * alike, inside Flyway's transaction, in batches; reads and writes no data but the names and key,
 * and logs nothing about them.
 */
public class V22_1__FillPersonNameKeys extends BaseJavaMigration {

  private static final int BATCH = 1000;

  /** Creates the migration; Flyway calls this. */
  public V22_1__FillPersonNameKeys() {}

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (PreparedStatement read =
            c.prepareStatement(
                "select id, first_name, second_name from person"
                    + " where first_name is not null or second_name is not null");
        PreparedStatement write =
            c.prepareStatement("update person set name_key = ? where id = ?")) {
      read.setFetchSize(BATCH);
      int pending = 0;
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          write.setString(1, Person.nameKeyOf(rs.getString(2), rs.getString(3)));
          write.setLong(2, rs.getLong(1));
          write.addBatch();
          if (++pending == BATCH) {
            write.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        write.executeBatch();
      }
    }
  }
}
