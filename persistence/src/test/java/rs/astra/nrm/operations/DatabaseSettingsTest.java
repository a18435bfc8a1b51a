package rs.astra.nrm.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void withoutConfigurationTheEmbeddedDatabaseLivesInTheDataFolder() {
    DatabaseSettings s = DatabaseSettings.from(k -> null, Map.of());
    assertEquals("jdbc:h2:file:" + Path.of("data").toAbsolutePath().normalize() + "/nrm", s.url());
    assertTrue(s.embedded());
    assertEquals("nrm", s.user());
  }

  @Test
  void environmentSelectsPostgresql() {
    DatabaseSettings s =
        DatabaseSettings.from(
            k -> null,
            Map.of(
                "NRM_DB_URL",
                "jdbc:postgresql://db:5432/nrm",
                "NRM_DB_USER",
                "portal",
                "NRM_DB_PASSWORD",
                "s3cret"));
    assertEquals("jdbc:postgresql://db:5432/nrm", s.url());
    assertEquals("portal", s.user());
    assertEquals("s3cret", s.password());
    assertFalse(s.embedded());
  }

  @Test
  void systemPropertiesWinOverTheEnvironment() {
    Map<String, String> props =
        Map.of("nrm.db.url", "jdbc:postgresql://localhost/test", "nrm.data.dir", "/srv/nrm");
    DatabaseSettings s =
        DatabaseSettings.from(props::get, Map.of("NRM_DB_URL", "jdbc:postgresql://db:5432/nrm"));
    assertEquals("jdbc:postgresql://localhost/test", s.url());
    assertEquals("", s.password(), "no default password outside the embedded database");
  }

  @Test
  void theDataFolderMovesTheEmbeddedDatabase() {
    assertEquals(
        "jdbc:h2:file:/srv/nrm/nrm",
        DatabaseSettings.from(k -> null, Map.of("NRM_DATA_DIR", "/srv/nrm")).url());
  }

  @Test
  void thePasswordIsNeverPrinted() {
    DatabaseSettings s = new DatabaseSettings("jdbc:postgresql://db/nrm", "portal", "s3cret");
    assertFalse(s.toString().contains("s3cret"));
  }

  @Test
  void postgresqlSessionsRunWithoutJitCompilation() {
    DatabaseSettings s = new DatabaseSettings("jdbc:postgresql://db/nrm", "portal", "s3cret");
    var props = s.connectionProperties(null, null);
    assertEquals("-c jit=off", props.getProperty("options"));
    assertEquals("portal", props.getProperty("user"));
    assertEquals("s3cret", props.getProperty("password"));
  }

  @Test
  void postgresqlBatchesOfInsertsGoAsOneStatementUnlessTheUrlSaysOtherwise() {
    assertEquals(
        "true",
        new DatabaseSettings("jdbc:postgresql://db/nrm", "portal", "")
            .connectionProperties(null, null)
            .getProperty("reWriteBatchedInserts"));
    assertEquals(
        null,
        new DatabaseSettings("jdbc:postgresql://db/nrm?reWriteBatchedInserts=false", "portal", "")
            .connectionProperties(null, null)
            .getProperty("reWriteBatchedInserts"),
        "the operator's choice in the URL stands");
    assertEquals(
        null,
        new DatabaseSettings("jdbc:h2:mem:x", "nrm", "nrm")
            .connectionProperties(null, null)
            .getProperty("reWriteBatchedInserts"));
  }

  @Test
  void optionsGivenInTheUrlAreLeftToTheOperator() {
    DatabaseSettings s =
        new DatabaseSettings(
            "jdbc:postgresql://db/nrm?options=-c%20statement_timeout=5s", "portal", "");
    assertEquals(null, s.connectionProperties(null, null).getProperty("options"));
  }

  @Test
  void theEmbeddedDatabaseGetsNoPostgresqlOptions() {
    assertEquals(
        null,
        DatabaseSettings.from(k -> null, Map.of())
            .connectionProperties(null, null)
            .getProperty("options"));
  }
}
