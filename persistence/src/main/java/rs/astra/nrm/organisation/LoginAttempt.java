package rs.astra.nrm.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One form-login attempt, or an administrator's unlock: what the throttle of password guessing
 * counts (issue 15). The login name and the client address are kept only as SHA-256 keys; the
 * user's id when the name belongs to an account; never a password. Rows are only added.
 */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt {

  /** What happened. */
  public enum Outcome {
    /** A wrong name or password. */
    FAILURE,
    /** A successful login: failures before it no longer count. */
    SUCCESS,
    /** An administrator lifted a lock: failures before it no longer count. */
    UNLOCK
  }

  @Id
  @SequenceGenerator(
      name = "login_attempt_seq",
      sequenceName = "login_attempt_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_attempt_seq")
  private Long id;

  @Column(name = "attempted_at", nullable = false, updatable = false)
  private Instant at;

  @Column(name = "account_key", nullable = false, length = 64, updatable = false)
  private String accountKey;

  @Column(name = "client_key", nullable = false, length = 64, updatable = false)
  private String clientKey;

  @Column(name = "user_id", updatable = false)
  private Long userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20, updatable = false)
  private Outcome outcome;

  /** For JPA only. */
  protected LoginAttempt() {}

  /**
   * @param at when (UTC)
   * @param accountKey SHA-256 key of the login name (lower case), 64 hex digits
   * @param clientKey SHA-256 key of the client address, 64 hex digits
   * @param userId the account's id, or {@code null} when the name belongs to none
   * @param outcome what happened
   */
  public LoginAttempt(
      Instant at, String accountKey, String clientKey, Long userId, Outcome outcome) {
    this.at = Objects.requireNonNull(at, "at");
    this.accountKey = Objects.requireNonNull(accountKey, "accountKey");
    this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
    this.userId = userId;
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * @return when (UTC)
   */
  public Instant getAt() {
    return at;
  }

  /**
   * @return what happened
   */
  public Outcome getOutcome() {
    return outcome;
  }
}
