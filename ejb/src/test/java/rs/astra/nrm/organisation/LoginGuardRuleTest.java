package rs.astra.nrm.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Password guessing: a growing delay, then a lock, per account and per address. */
class LoginGuardRuleTest {

  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(15);

  private static List<Instant> failures(int n, Duration apart) {
    List<Instant> at = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      at.add(NOW.minus(apart.multipliedBy(n - i)));
    }
    return at;
  }

  private static LoginGuard.Verdict decide(List<Instant> account, List<Instant> client) {
    return LoginGuard.decide(account, client, NOW, 5, 10, 50, WINDOW);
  }

  @Test
  void aFewMistakesCostNothing() {
    assertTrue(decide(failures(4, Duration.ofSeconds(1)), List.of()).allowed());
  }

  @Test
  void fromTheFifthFailureTheNextAttemptWaitsLongerAndLonger() {
    LoginGuard.Verdict fifth = decide(failures(5, Duration.ofMillis(100)), List.of());
    assertFalse(fifth.allowed());
    LoginGuard.Verdict eighth = decide(failures(8, Duration.ofMillis(100)), List.of());
    assertFalse(eighth.allowed());
    assertTrue(
        eighth.retryAfter().compareTo(fifth.retryAfter()) > 0,
        fifth.retryAfter() + " then " + eighth.retryAfter());
    assertTrue(
        decide(failures(5, Duration.ofSeconds(5)), List.of()).allowed(),
        "after the delay, she may try again");
  }

  @Test
  void tenFailuresLockTheAccountForTheWindow() {
    LoginGuard.Verdict locked = decide(failures(10, Duration.ofSeconds(5)), List.of());
    assertFalse(locked.allowed());
    assertTrue(
        locked.retryAfter().compareTo(Duration.ofMinutes(14)) > 0, locked.retryAfter().toString());
  }

  @Test
  void fiftyWrongPasswordsCannotBeTriedWithinAMinute() {
    // Each attempt may come only when the verdict allows it; count how many fit in 60 seconds.
    List<Instant> made = new ArrayList<>();
    Instant t = NOW;
    while (t.isBefore(NOW.plusSeconds(60))) {
      LoginGuard.Verdict v = LoginGuard.decide(made, made, t, 5, 10, 50, WINDOW);
      if (v.allowed()) {
        made.add(t);
        t = t.plusMillis(10);
      } else {
        t = t.plus(v.retryAfter());
      }
    }
    assertTrue(made.size() < 50, made.size() + " attempts in a minute");
    assertTrue(made.size() <= 10, "at most ten, then locked for the window: " + made.size());
  }

  @Test
  void anAddressThatTriesManyNamesIsLockedToo() {
    assertTrue(decide(List.of(), failures(49, Duration.ofSeconds(1))).allowed());
    assertFalse(decide(List.of(), failures(50, Duration.ofSeconds(1))).allowed());
  }

  @Test
  void keysNeverHoldTheNameAndDifferByName() {
    String key = LoginGuard.key("ngo.caseworker1");
    assertEquals(64, key.length());
    assertFalse(key.contains("caseworker"));
    assertNotEquals(key, LoginGuard.key("ngo.caseworker2"));
  }
}
