package rs.astra.nrm.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The persistence provider's exceptions are replaced by the application's own, without the values
 * they carry (HotlineIT shows the interceptor at work on a real lost race).
 */
class StoredBeforeReturnInterceptorTest {

  private static final String VALUES =
      "bind => [PBKDF2WithHmacSHA256:2048:c2FsdA==:aGFzaA==, 9, 2]";

  @Test
  void aLostRaceBecomesAConcurrentUpdateWithoutTheRowsValues() {
    RuntimeException r =
        StoredBeforeReturnInterceptor.replacement(
            new OptimisticLockException("UPDATE portal_user SET password_hash = ? " + VALUES),
            "AdministrationService.setPassword");
    assertInstanceOf(ConcurrentUpdateException.class, r);
    assertFalse(r.getMessage().contains("PBKDF2"), r.getMessage());
    assertNull(r.getCause(), "the provider's exception is not carried along");
    PersistenceException wrapped =
        new PersistenceException(
            "Exception [EclipseLink-5006] " + VALUES, new OptimisticLockException(VALUES));
    assertInstanceOf(
        ConcurrentUpdateException.class,
        StoredBeforeReturnInterceptor.replacement(wrapped, "HotlineService.correct"),
        "found in the causes");
  }

  @Test
  void anyOtherRefusalIsLoggedByItsSqlStateOnly() {
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(StoredBeforeReturnInterceptor.class.getName());
    log.addHandler(capture);
    try {
      PersistenceException refused =
          new PersistenceException(
              "Internal Exception: duplicate key " + VALUES,
              new SQLException("Key (username)=(ana.petrovic) already exists", "23505"));
      RuntimeException r =
          StoredBeforeReturnInterceptor.replacement(refused, "AdministrationService.createUser");
      assertInstanceOf(StorageRefusedException.class, r);
      assertTrue(
          r.getMessage().contains("23505")
              && r.getMessage().contains("AdministrationService.createUser"),
          r.getMessage());
      assertFalse(
          r.getMessage().contains("ana.petrovic") || r.getMessage().contains("PBKDF2"),
          r.getMessage());
      assertNull(r.getCause());
    } finally {
      log.removeHandler(capture);
    }
    assertEquals(1, records.size());
    StringBuilder text = new StringBuilder(records.get(0).getMessage());
    for (Object p : records.get(0).getParameters()) {
      text.append(' ').append(p);
    }
    assertNull(
        records.get(0).getThrown(), "no exception, whose message holds the values, is logged");
    assertFalse(
        text.toString().contains("ana.petrovic") || text.toString().contains("PBKDF2"),
        text.toString());
    assertTrue(text.toString().contains("23505"), text.toString());
  }
}
