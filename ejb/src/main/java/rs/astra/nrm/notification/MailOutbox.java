package rs.astra.nrm.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import rs.astra.nrm.organisation.PortalUser;

/**
 * Delivers the notifications' e-mails (issue 18, "Delivery that loses nothing"): due {@link
 * MailState#PENDING} rows (one e-mail each) and then due {@link MailState#DIGEST} rows (one e-mail
 * per recipient, her daily digest) are taken with {@code FOR UPDATE SKIP LOCKED}, so two portal
 * instances (or two runs) never take the same row; each is sent once and marked {@link
 * MailState#SENT} in the same transaction, or marked failed with a back-off ({@link
 * Notification#backoff}) and, after the last attempt, {@link MailState#FAILED} with its reason for
 * the administrators. A run stops at its first failure (the rest wait for the next run), so a
 * server that is down costs one connection timeout per run. The log names only counts — never an
 * address or a message.
 */
@Stateless
public class MailOutbox {

  private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

  /** The most e-mails sent at once one run sends. */
  static final int BATCH = 20;

  /**
   * The most digest notifications one run takes (a recipient with more gets the rest in a second
   * e-mail, 10 seconds later).
   */
  static final int DIGEST_BATCH = 500;

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private MailSettings settings;

  /**
   * Sends the e-mails due at an instant.
   *
   * @param now the instant (UTC) rows are due at; a test passes a later one to skip a back-off
   * @return how many were sent
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int deliverDue(Instant now) {
    if (!settings.enabled()) {
      return 0;
    }
    Session session = Session.getInstance(settings.sessionProperties());
    int[] counts = new int[2];
    for (Number id : due(MailState.PENDING, now, BATCH)) {
      Notification n = em.find(Notification.class, id.longValue());
      if (n == null || n.getMailState() != MailState.PENDING) {
        continue;
      }
      if (!attempt(session, List.of(n), counts)) {
        break;
      }
    }
    if (counts[1] == 0) {
      // The digests due now, one e-mail per recipient (the rows come ordered by recipient).
      Map<Long, List<Notification>> byRecipient = new LinkedHashMap<>();
      for (Number id : due(MailState.DIGEST, now, DIGEST_BATCH)) {
        Notification n = em.find(Notification.class, id.longValue());
        if (n != null && n.getMailState() == MailState.DIGEST) {
          byRecipient.computeIfAbsent(n.getRecipient().getId(), k -> new ArrayList<>()).add(n);
        }
      }
      for (List<Notification> digest : byRecipient.values()) {
        if (!attempt(session, digest, counts)) {
          break;
        }
      }
    }
    int sentNow = counts[0];
    if (counts[1] > 0) {
      LOG.warning(() -> "e-mail: " + sentNow + " sent, 1 failed (retried later)");
    } else if (sentNow > 0) {
      // A count only: the two-instance check (.ci/cluster-failover.sh) adds them up per instance.
      LOG.info(() -> "e-mail: " + sentNow + " sent");
    }
    return counts[0];
  }

  /**
   * The due rows of a state, locked for this run and skipped by any other.
   *
   * @return their ids, oldest first ({@link MailState#DIGEST}: grouped by recipient)
   */
  private List<Number> due(MailState state, Instant now, int max) {
    String order =
        state == MailState.DIGEST
            ? "recipient_user_id, next_attempt_at, id"
            : "next_attempt_at, id";
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "select id from notification where mail_state = ? and next_attempt_at <= ?"
                    + " order by "
                    + order
                    + " fetch first "
                    + max
                    + " rows only for update skip locked")
            .setParameter(1, state.name())
            .setParameter(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
            .getResultList();
    return ids;
  }

  /**
   * Sends one e-mail for the notifications (one alone, or one recipient's digest) and marks them
   * sent, or failed with a back-off.
   *
   * @param counts sent e-mails at [0], failures at [1]; updated
   * @return whether it was sent (a run stops at its first failure: a server that is down fails
   *     every message alike, so a run and its row locks last at most one connection timeout)
   */
  private boolean attempt(Session session, List<Notification> notifications, int[] counts) {
    try {
      send(session, notifications);
      Instant at = Instant.now();
      notifications.forEach(n -> n.mailSent(at));
      counts[0]++;
      return true;
    } catch (MessagingException | RuntimeException e) {
      Instant at = Instant.now();
      String why = reason(e);
      notifications.forEach(n -> n.mailFailed(at, why));
      counts[1]++;
      return false;
    }
  }

  private void send(Session session, List<Notification> notifications) throws MessagingException {
    Notification n = notifications.get(0);
    PortalUser to = n.getRecipient();
    NotificationMail mail =
        n.getMailState() == MailState.DIGEST
            ? NotificationMail.digest(
                notifications.stream()
                    .map(
                        d ->
                            new NotificationMail.Event(
                                d.getKind(),
                                d.getCaseCode(),
                                d.getCaseFileId(),
                                d.getOrganisationName()))
                    .toList(),
                to.getLanguage(),
                settings.portalUrl())
            : NotificationMail.of(
                n.getKind(),
                n.getCaseCode(),
                n.getCaseFileId(),
                n.getOrganisationName(),
                to.getLanguage(),
                settings.portalUrl());
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.getEmail()));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", text, html));
    if (settings.user().isPresent()) {
      Transport.send(message, settings.user().get(), settings.password());
    } else {
      Transport.send(message);
    }
  }

  /**
   * The failure without content: the exception's class and its root cause's class (e.g. {@code
   * MailConnectException / ConnectException}); never a message, which may quote an address.
   */
  private static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName()
        + (root == e ? "" : " / " + root.getClass().getSimpleName());
  }
}
