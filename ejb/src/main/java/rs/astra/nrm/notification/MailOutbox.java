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
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import rs.astra.nrm.organisation.PortalUser;

/**
 * Delivers the notifications' e-mails (issue 18, "Delivery that loses nothing"): due {@link
 * MailState#PENDING} rows are taken with {@code FOR UPDATE SKIP LOCKED}, so two portal instances
 * (or two runs) never take the same row; each is sent once and marked {@link MailState#SENT} in the
 * same transaction, or marked failed with a back-off ({@link Notification#backoff}) and, after the
 * last attempt, {@link MailState#FAILED} with its reason for the administrators. A run stops at its
 * first failure (the rest wait for the next run), so a server that is down costs one connection
 * timeout per run. The log names only counts — never an address or a message.
 */
@Stateless
public class MailOutbox {

  private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

  /** The most e-mails one run sends. */
  static final int BATCH = 20;

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
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "select id from notification where mail_state = 'PENDING' and next_attempt_at <= ?"
                    + " order by next_attempt_at, id fetch first "
                    + BATCH
                    + " rows only for update skip locked")
            .setParameter(1, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    Session session = Session.getInstance(settings.sessionProperties());
    int sent = 0;
    int failed = 0;
    for (Number id : ids) {
      Notification n = em.find(Notification.class, id.longValue());
      if (n == null || n.getMailState() != MailState.PENDING) {
        continue;
      }
      try {
        send(session, n);
        n.mailSent(Instant.now());
        sent++;
      } catch (MessagingException | RuntimeException e) {
        n.mailFailed(Instant.now(), reason(e));
        failed++;
        // A server that is down fails every message alike: the rest wait for the next run, so a
        // run (and the row locks it holds) lasts at most one connection timeout.
        break;
      }
    }
    if (failed > 0) {
      int sentNow = sent;
      int failedNow = failed;
      LOG.warning(() -> "e-mail: " + sentNow + " sent, " + failedNow + " failed (retried later)");
    }
    return sent;
  }

  private void send(Session session, Notification n) throws MessagingException {
    PortalUser to = n.getRecipient();
    NotificationMail mail =
        NotificationMail.of(
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
