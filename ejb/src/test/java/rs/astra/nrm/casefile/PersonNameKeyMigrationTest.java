package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V22 gives the persons stored before it their name keys (issue 19), on H2, or on
 * PostgreSQL with {@code -Dnrm.test.migration.url=jdbc:postgresql://127.0.0.1:5432/x
 * -Dnrm.test.migration.user=postgres} (an empty database).
 */
class PersonNameKeyMigrationTest {

  private static Flyway flyway(String url, String user, String target) {
    String vendor = url.startsWith("jdbc:postgresql") ? "postgresql" : "h2";
    return Flyway.configure()
        .dataSource(url, user, "")
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
        .failOnMissingLocations(false)
        .target(target)
        .load();
  }

  @Test
  void personsStoredBeforeV22GetTheirNameKeys() throws Exception {
    String url =
        System.getProperty("nrm.test.migration.url", "jdbc:h2:mem:namekeys;DB_CLOSE_DELAY=-1");
    String user = System.getProperty("nrm.test.migration.user", "sa");
    flyway(url, user, "20").migrate();
    try (Connection db = DriverManager.getConnection(url, user, "")) {
      try (Statement s = db.createStatement()) {
        s.execute(
            "insert into person (id, version, first_name, second_name) values"
                + " (1, 0, 'Милица', 'Јовановић'), (2, 0, 'Arjun', 'Singh'),"
                + " (3, 0, null, 'Петровић'), (4, 0, null, null)");
      }
      flyway(url, user, "latest").migrate();
      try (PreparedStatement q = db.prepareStatement("select name_key from person where id = ?")) {
        assertEquals("milica jovanovic milica", key(q, 1));
        assertEquals("arjun singh arjun", key(q, 2));
        assertEquals("petrovic", key(q, 3));
        assertNull(key(q, 4));
      }
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery("select id from person where name_key like '%singh arjun%'")) {
        rs.next();
        assertEquals(2, rs.getLong(1), "the full name in the other order");
      }
    }
  }

  private static String key(PreparedStatement q, long id) throws Exception {
    q.setLong(1, id);
    try (ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
