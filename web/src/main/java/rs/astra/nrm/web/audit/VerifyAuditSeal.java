package rs.astra.nrm.web.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import rs.astra.nrm.audit.AuditSealChain;
import rs.astra.nrm.audit.AuditSeals;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The administrator's audit-seal page ({@code /app/admin/audit-seal.xhtml}): recomputes the seal
 * chain of the audit trail on request and says, in the user's language, whether every sealed day
 * still matches or which day is the first that no longer does (issue 15). Shows no record.
 */
@Named
@RequestScoped
public class VerifyAuditSeal {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @Inject private AuditSeals seals;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private Messages messages;

  private AuditSeals.Status status;

  private String outcome;

  /**
   * Verifies the chain now; the outcome is shown as the page's status text ({@link #getOutcome()}),
   * a failure to verify (database away) as an error message.
   */
  public void verify() {
    feedback.runQuietly(
        () -> {
          status = seals.verify(user.viewer());
          AuditSealChain.Verification v = status.verification();
          if (!v.intact()) {
            outcome =
                messages.get(
                    "auditSeal.broken",
                    format(v.brokenDay()),
                    messages.get("auditSeal.problem." + v.problem().name()));
          } else if (v.sealedDays() == 0) {
            outcome = messages.get("auditSeal.none");
          } else {
            outcome =
                messages.get(
                    "auditSeal.intact", v.sealedDays(), format(v.firstDay()), format(v.lastDay()));
          }
        });
  }

  /**
   * @return the outcome of the verification in the user's language, or {@code null} before one
   */
  public String getOutcome() {
    return outcome;
  }

  /**
   * @return whether the verification found a day that no longer matches
   */
  public boolean isBroken() {
    return status != null && !status.verification().intact();
  }

  /**
   * @return whether a verification was made in this request
   */
  public boolean isVerified() {
    return status != null;
  }

  /**
   * @return the last sealed day as dd.MM.yyyy, or empty when none (after a verification)
   */
  public String getLastSealedDay() {
    return status == null || status.lastSeal() == null ? "" : format(status.lastSeal().day());
  }

  /**
   * @return the last seal's digest (64 hex digits), for comparing with a copy kept elsewhere
   */
  public String getLastDigest() {
    return status == null || status.lastSeal() == null ? "" : status.lastSeal().digest();
  }

  private static String format(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }
}
