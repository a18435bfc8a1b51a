package rs.astra.nrm.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seal's cut-over to the REST API's channel and client id (V37, issue 22): a day sealed before
 * it still verifies, and from it on a changed channel or client id breaks the day, as any other
 * changed value does. The tables carry the sealed columns only; an in-memory H2 database.
 */
class AuditSealChainTest {

  private static final LocalDate OLD_DAY = LocalDate.of(2026, 11, 30);
  private static final LocalDate NEW_DAY = OLD_DAY.plusDays(1);
  private static final LocalDateTime NOW = NEW_DAY.plusDays(1).atTime(0, 20);

  private Connection c;

  @BeforeEach
  void tables() throws SQLException {
    c = DriverManager.getConnection("jdbc:h2:mem:seal" + System.nanoTime());
    try (Statement st = c.createStatement()) {
      st.execute(
          "create table audit_record (id bigint primary key, occurred_at timestamp, user_id"
              + " bigint, username varchar(100), organisation_id bigint, case_file_id bigint,"
              + " person_id bigint, category varchar(30), action varchar(20), permitted boolean,"
              + " basis varchar(30), basis_ref varchar(100), request_id varchar(40), document_id"
              + " bigint, channel varchar(10) default 'WEB' not null, client_id varchar(100))");
      st.execute(
          "create table activity_record (id bigint primary key, occurred_at timestamp, user_id"
              + " bigint, username varchar(100), organisation_id bigint, kind varchar(40), action"
              + " varchar(40), subject_id bigint, detail varchar(200), row_count integer,"
              + " request_id varchar(40))");
      st.execute(
          "create table audit_seal (seal_day date primary key, audit_count bigint,"
              + " activity_count bigint, previous_digest varchar(64), digest varchar(64),"
              + " sealed_at timestamp, seal_format integer default 1 not null)");
      record(st, 1, OLD_DAY, "WEB", null);
      record(st, 2, NEW_DAY, "API", "police-registry");
    }
    // The old day as it was sealed before the cut-over; the new one as every day is sealed now.
    var old = AuditSealChain.seal(c, OLD_DAY, null, NOW, AuditSealChain.FORMAT_WITHOUT_CHANNEL);
    var sealed = AuditSealChain.sealNext(c, NEW_DAY, NOW).orElseThrow();
    assertEquals(NEW_DAY, sealed.day());
    assertEquals(old.digest(), sealed.previousDigest());
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private static void record(Statement st, long id, LocalDate day, String channel, String client)
      throws SQLException {
    st.execute(
        "insert into audit_record values ("
            + id
            + ", '"
            + day.atTime(11, 0)
            + "', 7, 'service-account-police-registry', 3, 51, 61, 'IDENTITY', 'READ', true,"
            + " 'REFERRAL', null, 'req-"
            + id
            + "', null, '"
            + channel
            + "', "
            + (client == null ? "null" : "'" + client + "'")
            + ")");
  }

  private void change(String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      assertEquals(1, st.executeUpdate(sql));
    }
  }

  @Test
  void untouchedDaysOfBothFormatsVerifyAndNewDaysAreSealedWithTheChannel() throws SQLException {
    AuditSealChain.Verification v = AuditSealChain.verify(c);
    assertTrue(v.intact(), v.toString());
    assertEquals(2, v.sealedDays());
    try (Statement st = c.createStatement();
        var rs = st.executeQuery("select seal_format from audit_seal order by seal_day")) {
      assertTrue(rs.next());
      assertEquals(AuditSealChain.FORMAT_WITHOUT_CHANNEL, rs.getInt(1));
      assertTrue(rs.next());
      assertEquals(AuditSealChain.FORMAT_WITH_CHANNEL, rs.getInt(1));
    }
  }

  @Test
  void aChangedChannelOrClientBreaksADaySealedWithThem() throws SQLException {
    change("update audit_record set channel = 'WEB' where id = 2");
    AuditSealChain.Verification v = AuditSealChain.verify(c);
    assertFalse(v.intact());
    assertEquals(NEW_DAY, v.brokenDay());
    assertEquals(AuditSealChain.Problem.RECORD_CHANGED, v.problem());
    change("update audit_record set channel = 'API', client_id = 'csw-registry' where id = 2");
    assertEquals(NEW_DAY, AuditSealChain.verify(c).brokenDay(), "another client");
    change("update audit_record set client_id = 'police-registry' where id = 2");
    assertTrue(AuditSealChain.verify(c).intact(), "put back, the day matches again");
  }

  @Test
  void aDaySealedBeforeTheCutOverDoesNotCoverItsChannelButStillItsOtherValues()
      throws SQLException {
    change("update audit_record set channel = 'API' where id = 1");
    assertTrue(AuditSealChain.verify(c).intact(), "the old day's seal never covered the channel");
    change("update audit_record set category = 'HEALTH' where id = 1");
    assertEquals(OLD_DAY, AuditSealChain.verify(c).brokenDay());
  }

  @Test
  void aSealWhoseFormatWasChangedNoLongerMatches() throws SQLException {
    change("update audit_seal set seal_format = 1 where seal_day = '" + NEW_DAY + "'");
    AuditSealChain.Verification v = AuditSealChain.verify(c);
    assertEquals(NEW_DAY, v.brokenDay());
    assertEquals(AuditSealChain.Problem.RECORD_CHANGED, v.problem());
  }
}
