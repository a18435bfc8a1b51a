package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.BreakGlassService;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.ConsentService;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.notification.MailOutbox;
import rs.astra.nrm.notification.NotificationKind;
import rs.astra.nrm.notification.NotificationLine;
import rs.astra.nrm.notification.NotificationService;
import rs.astra.nrm.notification.Notifications;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralService;

/**
 * Notifications (issue 18) through the real services and a real SMTP server (GreenMail, in the
 * server's JVM on the port the tests' portal is configured with): the right recipients and no
 * others, in the portal and by e-mail in the recipient's language, no personal data in any message,
 * nothing lost while the SMTP server is down and nothing sent twice, nothing written for a change
 * that rolled back, and two senders at once sending each e-mail once.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationIT {

  @Deployment
  static WebArchive portal() {
    return Deployments.packagedPortalWithMailServer(ConsentFixture.class, PortalSession.class);
  }

  @Inject ConsentService consents;
  @Inject ReferralService referrals;
  @Inject BreakGlassService breakGlass;
  @Inject NotificationService notifications;
  @Inject Notifications outboxWriter;
  @Inject MailOutbox outbox;
  @Inject UserDirectory directory;
  @Inject jakarta.servlet.http.HttpServletRequest request;
  @Inject rs.astra.nrm.consent.EmergencyReviews reviews;
  @Inject rs.astra.nrm.rights.AccessReportService accessReports;
  @Inject rs.astra.nrm.proceedings.ProceedingsService proceedings;

  @PersistenceContext(unitName = "nrm")
  EntityManager em;

  @Resource UserTransaction tx;

  private static final LocalDate TODAY = rs.astra.nrm.shared.NrmTime.today();
  private static final ServerSetup SMTP = new ServerSetup(3925, "127.0.0.1", "smtp");

  private Viewer viewer(String username) throws Exception {
    ConsentFixture.ensure(em, tx);
    return directory.viewerFor(username).orElseThrow();
  }

  /**
   * A CSW officer of the fixture's centre used by this class alone to open emergency accesses: the
   * daily limit counts every test class's accesses of the shared fixture users in one run.
   */
  private Viewer opener(String username) throws Exception {
    return opener(username, "CP Social Work Centre");
  }

  private Viewer opener(String username, String centre) throws Exception {
    ConsentFixture.ensure(em, tx);
    if (directory.viewerFor(username).isEmpty()) {
      tx.begin();
      em.persist(
          new rs.astra.nrm.organisation.PortalUser(
              username,
              "User " + username,
              ConsentFixture.organisation(em, centre),
              rs.astra.nrm.organisation.PortalRole.CSW_OFFICER,
              null));
      tx.commit();
    }
    return directory.viewerFor(username).orElseThrow();
  }

  private static <T> T bean(Class<T> type) {
    return jakarta.enterprise.inject.spi.CDI.current().select(type).get();
  }

  private long orgId(String name) {
    return ConsentFixture.organisation(em, name).getId();
  }

  /** Gives the fixture's users addresses and languages (once). */
  private void addresses() throws Exception {
    ConsentFixture.ensure(em, tx);
    tx.begin();
    for (String[] u :
        new String[][] {
          {"cp.csw1", "sr-Cyrl"}, {"cp.caseworker", "en"}, {"cp.coordinator", "sr-Latn"},
        }) {
      em.createNativeQuery("update portal_user set email = ?, language = ? where username = ?")
          .setParameter(1, u[0] + "@nrm.example")
          .setParameter(2, u[1])
          .setParameter(3, u[0])
          .executeUpdate();
    }
    tx.commit();
    // The update went around the entities: let every reader see the addresses.
    em.getEntityManagerFactory().getCache().evictAll();
  }

  private long sendSocialReferral(Viewer owner, long caseId) {
    consents.give(
        owner,
        new ConsentService.NewConsentForm(
            caseId,
            orgId("CP Social Work Centre"),
            Purpose.SOCIAL_PROTECTION,
            Set.of(DataCategory.SOCIAL),
            TODAY,
            null,
            ConsentMethod.SIGNED_FORM,
            null));
    return referrals.send(
        owner,
        caseId,
        orgId("CP Social Work Centre"),
        Purpose.SOCIAL_PROTECTION,
        Set.of(DataCategory.SOCIAL),
        "Ana Jovanović-Notifikacija needs a safe house near Kragujevac");
  }

  private List<NotificationLine> of(String username, long caseId) throws Exception {
    return notifications.recent(viewer(username)).stream()
        .filter(n -> Long.valueOf(caseId).equals(n.caseId()))
        .toList();
  }

  /** The messages about a case (by its code in the subject), waiting up to a minute for enough. */
  private static List<MimeMessage> awaitMails(GreenMail smtp, String code, int atLeast)
      throws InterruptedException {
    long until = System.currentTimeMillis() + 60_000;
    while (true) {
      List<MimeMessage> about =
          List.of(smtp.getReceivedMessages()).stream()
              .filter(
                  m -> {
                    try {
                      return m.getSubject().contains(code);
                    } catch (jakarta.mail.MessagingException e) {
                      return false;
                    }
                  })
              .toList();
      if (about.size() >= atLeast || System.currentTimeMillis() > until) {
        return about;
      }
      Thread.sleep(250);
    }
  }

  private static String to(MimeMessage m) {
    try {
      return GreenMailUtil.getAddressList(m.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Subject, both bodies decoded (plain text and HTML) and the raw message. */
  private static String all(MimeMessage m) throws Exception {
    jakarta.mail.internet.MimeMultipart parts =
        (jakarta.mail.internet.MimeMultipart) m.getContent();
    StringBuilder b = new StringBuilder(m.getSubject()).append('\n');
    for (int i = 0; i < parts.getCount(); i++) {
      b.append(parts.getBodyPart(i).getContent()).append('\n');
    }
    return b.append(GreenMailUtil.getWholeMessage(m)).toString();
  }

  private long mails(String state) {
    return ((Number)
            em.createNativeQuery("select count(*) from notification where mail_state = ?")
                .setParameter(1, state)
                .getSingleResult())
        .longValue();
  }

  @Test
  void aReferralReachesTheReceivingCentreByMailWithoutPersonalDataAndItsAnswerTheSender()
      throws Exception {
    addresses();
    GreenMail smtp = new GreenMail(SMTP);
    smtp.start();
    try {
      // E-mails that earlier test classes of the run left in the outbox go first.
      while (outbox.deliverDue(Instant.now().plusSeconds(86_400)) > 0) {
        // drained
      }
      Viewer owner = viewer("cp.caseworker");
      long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Anastasija", "Notifikacija");
      String code =
          em.createQuery("select c.code from CaseFile c where c.id = :id", String.class)
              .setParameter("id", caseId)
              .getSingleResult();
      long referral = sendSocialReferral(owner, caseId);

      // In the portal: both officers of the centre; nobody of another organisation, no admin.
      assertEquals(1, of("cp.csw1", caseId).size());
      assertEquals(NotificationKind.REFERRAL_RECEIVED, of("cp.csw1", caseId).get(0).kind());
      assertEquals(1, of("cp.csw2", caseId).size());
      assertEquals(0, of("cp.health", caseId).size());
      assertEquals(0, of("cp.police", caseId).size());
      assertEquals(0, of("cp.caseworker", caseId).size());
      assertTrue(notifications.unreadCount(viewer("cp.csw1")) >= 1);

      // By e-mail, within a minute (the sender runs every 10 s), in her language (Cyrillic).
      // (Other test classes of the run leave e-mails to demo users in the outbox: only this case's
      // messages are counted.)
      MimeMessage mail =
          awaitMails(smtp, code, 1).stream()
              .filter(m -> to(m).contains("cp.csw1"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no e-mail to the officer within a minute"));
      assertTrue(mail.getSubject().contains(code), mail.getSubject());
      assertTrue(mail.getSubject().contains("упутница"), "in Cyrillic: " + mail.getSubject());
      String text = all(mail);
      for (String personal :
          List.of(
              "Anastasija",
              "Notifikacija",
              "1995",
              "05.05.",
              "000 0000",
              "Ulica",
              "safe house",
              "Jovanović")) {
        assertFalse(text.contains(personal), "no personal data in the e-mail: " + personal);
      }
      assertTrue(text.contains("app/case.xhtml?id=" + caseId), "a link into the portal");

      // She reads it; the centre accepts; the sending NGO's case staff are told, no one else.
      notifications.markAllRead(viewer("cp.csw1"));
      assertEquals(0, notifications.unreadCount(viewer("cp.csw1")));
      long version =
          em.createQuery("select r.version from Referral r where r.id = :id", Long.class)
              .setParameter("id", referral)
              .getSingleResult();
      referrals.accept(viewer("cp.csw1"), referral, version);
      assertEquals(
          List.of(NotificationKind.REFERRAL_ACCEPTED),
          of("cp.caseworker", caseId).stream().map(NotificationLine::kind).toList());
      assertEquals(1, of("cp.coordinator", caseId).size());
      assertEquals(0, of("cp.admin", caseId).size(), "administrators are not case staff");
      assertEquals(0, of("cp.dpo", caseId).size());
      List<MimeMessage> aboutCase = awaitMails(smtp, code, 3);
      assertEquals(3, aboutCase.size(), "the officer, then both NGO users with an address");
      for (MimeMessage m : aboutCase) {
        String t = all(m);
        assertFalse(t.contains("Anastasija") || t.contains("safe house"), t);
      }

      // An emergency access: the owning NGO's coordinators only, at once.
      breakGlass.open(
          opener("nt.opener1"),
          caseId,
          DataCategory.HEALTH,
          "Dete je nestalo iz smeštaja noćas, policija traži hitne podatke",
          false);
      assertEquals(
          1,
          of("cp.coordinator", caseId).stream()
              .filter(n -> n.kind() == NotificationKind.EMERGENCY_ACCESS_OPENED)
              .count());
      assertEquals(
          0,
          of("cp.caseworker", caseId).stream()
              .filter(n -> n.kind() == NotificationKind.EMERGENCY_ACCESS_OPENED)
              .count(),
          "a caseworker is not a coordinator");
    } finally {
      smtp.stop();
    }
  }

  @Test
  void nothingIsLostWhileTheMailServerIsDownNothingIsSentTwiceAndARollbackSendsNothing()
      throws Exception {
    addresses();
    Viewer owner = viewer("cp.caseworker");

    // A rolled-back change leaves no notification.
    long rolledBack = ConsentFixture.newCase(em, tx, "cp.caseworker", "Rada", "Povratak");
    long before = mails("PENDING") + mails("SENT") + mails("FAILED") + mails("NONE");
    tx.begin();
    outboxWriter.tell(
        NotificationKind.REFERRAL_RECEIVED,
        rolledBack,
        "NRM-ROLLBACK",
        orgId("CP Social Work Centre"),
        "CP Owner NGO");
    tx.rollback();
    assertEquals(before, mails("PENDING") + mails("SENT") + mails("FAILED") + mails("NONE"));

    // The SMTP server is down: the e-mail waits, with its reason; nothing is lost.
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Biljana", "Zastoj");
    sendSocialReferral(owner, caseId);
    // A run stops at its first failure; e-mails of earlier test classes may come first.
    for (int i = 0; i < 500 && attemptsOfCsw1(caseId) == 0; i++) {
      outbox.deliverDue(Instant.now());
    }
    List<Object[]> waiting =
        em.createNativeQuery(
                "select n.mail_state, n.mail_attempts, n.mail_error from notification n"
                    + " join portal_user u on u.id = n.recipient_user_id"
                    + " where n.case_file_id = ? and u.username = 'cp.csw1'")
            .setParameter(1, caseId)
            .getResultList();
    assertEquals(1, waiting.size());
    assertEquals("PENDING", waiting.get(0)[0]);
    assertTrue(((Number) waiting.get(0)[1]).intValue() >= 1, "an attempt was made and failed");
    assertTrue(String.valueOf(waiting.get(0)[2]).contains("Exception"), "the reason is kept");
    assertFalse(String.valueOf(waiting.get(0)[2]).contains("@"), "no address in the reason");

    // It comes back: delivered once, however often the sender runs.
    GreenMail smtp = new GreenMail(SMTP);
    smtp.start();
    try {
      Instant later = Instant.now().plusSeconds(3600);
      outbox.deliverDue(later);
      outbox.deliverDue(later);
      outbox.deliverDue(later);
      awaitMails(smtp, codeOf(caseId), 1);
      Thread.sleep(1500);
      assertEquals(1, awaitMails(smtp, codeOf(caseId), 1).size(), "sent exactly once");

      // Two senders at once: every due e-mail once. What else waits is sent first.
      while (outbox.deliverDue(Instant.now().plusSeconds(86_400)) > 0) {
        // drained
      }
      smtp.reset();
      long second = ConsentFixture.newCase(em, tx, "cp.caseworker", "Vesna", "Dva");
      for (int i = 0; i < 6; i++) {
        tx.begin();
        outboxWriter.tell(
            NotificationKind.REFERRAL_ACCEPTED, second, codeOf(second), orgId("CP Owner NGO"), "X");
        tx.commit();
      }
      long due =
          ((Number)
                  em.createNativeQuery(
                          "select count(*) from notification where case_file_id = ?"
                              + " and mail_state = 'PENDING'")
                      .setParameter(1, second)
                      .getSingleResult())
              .longValue();
      assertEquals(12, due, "two NGO users with an address, six events");
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<Integer>> senders = new ArrayList<>();
        senders.add(() -> outbox.deliverDue(Instant.now().plusSeconds(1)));
        senders.add(() -> outbox.deliverDue(Instant.now().plusSeconds(1)));
        int sent = 0;
        for (Future<Integer> f : pool.invokeAll(senders)) {
          sent += f.get();
        }
        sent += outbox.deliverDue(Instant.now().plusSeconds(1));
        assertTrue(sent <= 12, "no row taken twice: " + sent);
      } finally {
        pool.shutdown();
      }
      awaitMails(smtp, codeOf(second), 12);
      // Every row that waited for an e-mail ends marked sent: a sender (the test's two, or the
      // portal's own timer, which runs every 10 s beside them) commits its marks just after its
      // last e-mail left. Rows of users without an address (NONE: e.g. a user that an earlier test
      // class's API token created in this organisation) never wait for one.
      long notSent = -1;
      for (int i = 0; i < 40 && notSent != 0; i++) {
        if (i > 0) {
          Thread.sleep(500);
        }
        em.clear();
        notSent =
            ((Number)
                    em.createNativeQuery(
                            "select count(*) from notification where case_file_id = ?"
                                + " and mail_state not in ('SENT', 'NONE')")
                        .setParameter(1, second)
                        .getSingleResult())
                .longValue();
      }
      assertEquals(0L, notSent, "every notification's e-mail marked sent within 20 s");
      // And none went twice, however long the senders ran.
      Thread.sleep(1500);
      assertEquals(12, awaitMails(smtp, codeOf(second), 12).size(), "each e-mail once");
    } finally {
      smtp.stop();
    }
  }

  @Test
  void everyEmergencyAccessEndsReviewedByTheOwnerOrWithTheDataProtectionOfficer() throws Exception {
    addresses();
    Viewer owner = viewer("cp.caseworker");
    Viewer coordinator = viewer("cp.coordinator");
    Viewer officer = viewer("cp.dpo");
    Viewer opener = opener("nt.opener2");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Dragica", "Pregled");
    sendSocialReferral(owner, caseId);
    long justifiedOne =
        breakGlass.open(
            opener,
            caseId,
            DataCategory.HEALTH,
            "Dete je nestalo iz smeštaja noćas, policija traži hitne podatke",
            false);
    long unjustified =
        breakGlass.open(
            opener,
            caseId,
            DataCategory.CONTACT,
            "Hitno je potrebna adresa zbog posete socijalnog radnika danas",
            false);

    // Both wait for the coordinator, not for a caseworker; the DPO sees nothing yet.
    List<Long> waiting =
        reviews.toReview(coordinator).stream()
            .filter(r -> r.caseId() == caseId)
            .map(rs.astra.nrm.consent.EmergencyReviews.ReviewLine::id)
            .toList();
    assertEquals(List.of(justifiedOne, unjustified), waiting);
    assertTrue(reviews.toReview(owner).isEmpty(), "a caseworker does not review");
    assertTrue(reviews.forOfficer(officer).stream().noneMatch(r -> r.caseId() == caseId));

    // Not justified needs a note; the opener is told the outcome, the DPO sees it.
    assertEquals(
        "review.error.note",
        org.junit.jupiter.api.Assertions.assertThrows(
                rs.astra.nrm.shared.InvalidRequestException.class,
                () -> reviews.review(coordinator, unjustified, false, " "))
            .messageKey());
    reviews.review(coordinator, justifiedOne, true, null);
    reviews.review(coordinator, unjustified, false, "The address was not needed for a visit.");
    org.junit.jupiter.api.Assertions.assertThrows(
        rs.astra.nrm.shared.ConcurrentUpdateException.class,
        () -> reviews.review(coordinator, unjustified, true, null),
        "reviewed once");
    assertEquals(
        2,
        of("nt.opener2", caseId).stream()
            .filter(n -> n.kind() == NotificationKind.EMERGENCY_ACCESS_REVIEWED)
            .count());
    assertEquals(
        1,
        of("cp.dpo", caseId).stream()
            .filter(n -> n.kind() == NotificationKind.EMERGENCY_ACCESS_NOT_JUSTIFIED)
            .count());
    assertEquals(
        List.of(unjustified),
        reviews.forOfficer(officer).stream()
            .filter(r -> r.caseId() == caseId)
            .map(rs.astra.nrm.consent.EmergencyReviews.ReviewLine::id)
            .toList());

    // One not reviewed for ten days goes to the DPO, once.
    long late =
        breakGlass.open(
            opener("nt.opener3"),
            caseId,
            DataCategory.HEALTH,
            "Bolnica traži podatke o lečenju zbog hitne intervencije",
            false);
    tx.begin();
    em.createNativeQuery("update break_glass_access set opened_at = ?, expires_at = ? where id = ?")
        .setParameter(1, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(10))
        .setParameter(2, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(10))
        .setParameter(3, late)
        .executeUpdate();
    tx.commit();
    assertTrue(reviews.escalateOverdue(Instant.now()) >= 1);
    assertEquals(0, reviews.escalateOverdue(Instant.now()), "escalated once");
    assertTrue(reviews.forOfficer(officer).stream().anyMatch(r -> r.id() == late));
    assertEquals(
        1,
        of("cp.dpo", caseId).stream()
            .filter(n -> n.kind() == NotificationKind.EMERGENCY_REVIEW_OVERDUE)
            .count());

    // The person's access report shows each emergency access with its review.
    java.util.Set<String> outcomes = new java.util.HashSet<>();
    for (rs.astra.nrm.rights.AccessReportService.ReportLine l :
        accessReports.reportForCase(owner, caseId)) {
      if (l.review() != null) {
        outcomes.add(l.review());
      }
    }
    assertEquals(java.util.Set.of("JUSTIFIED", "NOT_JUSTIFIED", "ESCALATED"), outcomes);
  }

  @Test
  void administratorsSeeTheServerAndTheEmailsGivenUpWithTheirReasonOnly() throws Exception {
    addresses();
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Mirjana", "Odustalo");
    tx.begin();
    outboxWriter.tell(
        NotificationKind.REFERRAL_ACCEPTED, caseId, codeOf(caseId), orgId("CP Owner NGO"), "X");
    tx.commit();
    tx.begin();
    em.createNativeQuery(
            "update notification set mail_state = 'FAILED', mail_attempts = 8,"
                + " mail_error = 'MailConnectException / ConnectException' where case_file_id = ?")
        .setParameter(1, caseId)
        .executeUpdate();
    tx.commit();
    java.net.URI base =
        java.net.URI.create(
            "http://localhost:" + request.getLocalPort() + request.getContextPath() + "/");
    PortalSession admin = new PortalSession(base);
    admin.signIn("admin", "demo");
    String page = admin.get("app/admin/mail.xhtml").body();
    assertTrue(page.contains("127.0.0.1:3925"), "the server is named");
    assertTrue(page.contains(codeOf(caseId)), "the case code of the e-mail given up");
    assertTrue(page.contains("MailConnectException / ConnectException"), "its reason");
    assertFalse(page.contains("Mirjana"), "no personal data");
    PortalSession caseworker = new PortalSession(base);
    caseworker.signIn("ngo.caseworker1", "demo");
    assertEquals(403, caseworker.get("app/admin/mail.xhtml").statusCode());
  }

  @Test
  void aCaseworkerChoosesOnHerNotificationsPageHowSheIsToldOfEachKind() throws Exception {
    java.net.URI base =
        java.net.URI.create(
            "http://localhost:" + request.getLocalPort() + request.getContextPath() + "/");
    PortalSession caseworker = new PortalSession(base);
    caseworker.signIn("ngo.caseworker2", "demo");
    Viewer her = directory.viewerFor("ngo.caseworker2").orElseThrow();
    String page = caseworker.get("app/notifications.xhtml").body();
    java.util.regex.Matcher select =
        java.util.regex.Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*data-kind=\"([A-Z_]+)\"")
            .matcher(page);
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    List<String> kinds = new ArrayList<>();
    while (select.find()) {
      kinds.add(select.group(2));
      fields.put(
          select.group(1),
          switch (select.group(2)) {
            case "REFERRAL_ACCEPTED" -> "DAILY_DIGEST";
            case "CONSENT_EXPIRING" -> "PORTAL_ONLY";
            default -> "AT_ONCE";
          });
    }
    assertTrue(kinds.contains("REFERRAL_ACCEPTED") && kinds.contains("CONSENT_EXPIRING"), page);
    assertFalse(kinds.contains("EMERGENCY_REVIEW_OVERDUE"), "a DPO's kind is not offered");
    try {
      String saved =
          caseworker.submitForPage("deliveryForm", "deliveryForm:saveDeliveries", fields);
      assertTrue(
          saved.contains("Vaš izbor je sačuvan") || saved.contains("Your choices are saved"),
          saved);
      java.util.Map<NotificationKind, rs.astra.nrm.notification.NotificationDelivery> now =
          new java.util.EnumMap<>(NotificationKind.class);
      notifications.deliveries(her).forEach(c -> now.put(c.kind(), c.delivery()));
      assertEquals(
          rs.astra.nrm.notification.NotificationDelivery.DAILY_DIGEST,
          now.get(NotificationKind.REFERRAL_ACCEPTED));
      assertEquals(
          rs.astra.nrm.notification.NotificationDelivery.PORTAL_ONLY,
          now.get(NotificationKind.CONSENT_EXPIRING));
      assertEquals(
          rs.astra.nrm.notification.NotificationDelivery.AT_ONCE,
          now.get(NotificationKind.REFERRAL_REJECTED));
      // A post without its page's CSP nonce (forged, scripted or replayed) is not carried out:
      // the page again with the notice, the choices as they were.
      caseworker.get("app/notifications.xhtml");
      java.util.Map<String, String> noNonce = new java.util.LinkedHashMap<>();
      noNonce.put("primefaces.nonce", "bm90LXRoZS1ub25jZQ==");
      fields.forEach((k, v) -> noNonce.put(k, "PORTAL_ONLY"));
      String notDone =
          caseworker.submitForPage("deliveryForm", "deliveryForm:saveDeliveries", noNonce);
      assertTrue(notDone.contains("id=\"pageReloaded\""), notDone);
      notifications.deliveries(her).forEach(c -> now.put(c.kind(), c.delivery()));
      assertEquals(
          rs.astra.nrm.notification.NotificationDelivery.DAILY_DIGEST,
          now.get(NotificationKind.REFERRAL_ACCEPTED),
          "a post without its nonce changed nothing");
      // A value the form does not offer changes nothing and shows no error page.
      caseworker.get("app/notifications.xhtml");
      java.util.Map<String, String> forged = new java.util.LinkedHashMap<>(fields);
      forged.replaceAll((k, v) -> "EVERY_MINUTE");
      String refused =
          caseworker.submitForPage("deliveryForm", "deliveryForm:saveDeliveries", forged);
      assertTrue(refused.contains("nije jedan od ponuđenih izbora"), refused);
      assertTrue(refused.contains("Nova uputnica: "), "the message names the kind, not an id");
      notifications.deliveries(her).forEach(c -> now.put(c.kind(), c.delivery()));
      assertEquals(
          rs.astra.nrm.notification.NotificationDelivery.DAILY_DIGEST,
          now.get(NotificationKind.REFERRAL_ACCEPTED));
    } finally {
      java.util.Map<NotificationKind, rs.astra.nrm.notification.NotificationDelivery> back =
          new java.util.EnumMap<>(NotificationKind.class);
      for (NotificationKind k : NotificationKind.values()) {
        back.put(k, rs.astra.nrm.notification.NotificationDelivery.AT_ONCE);
      }
      notifications.chooseDeliveries(her, back);
    }
  }

  @Test
  void eachMorningConsentsEndingIn14DaysAndReferralsUnansweredFor5WorkingDaysAreToldOnce()
      throws Exception {
    addresses();
    Viewer owner = viewer("cp.caseworker");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Olivera", "Jutro");
    long referral = sendSocialReferral(owner, caseId);
    // Thursday 10 December 2026: 14 days later the consent ends; the referral was sent on
    // Wednesday 2 December, so its 5 working days (3, 4, 7, 8, 9 December) ended the day before.
    LocalDate today = LocalDate.of(2026, 12, 10);
    tx.begin();
    em.createNativeQuery(
            "update consent set valid_until = ? where case_file_id = ? and withdrawn_at is null")
        .setParameter(1, today.plusDays(14))
        .setParameter(2, caseId)
        .executeUpdate();
    em.createNativeQuery("update referral set referral_date = ? where id = ?")
        .setParameter(1, LocalDate.of(2026, 12, 2))
        .setParameter(2, referral)
        .executeUpdate();
    tx.commit();
    rs.astra.nrm.casefile.DailyNotices notices = bean(rs.astra.nrm.casefile.DailyNotices.class);
    notices.send(today);
    java.util.function.BiFunction<String, NotificationKind, Long> count =
        (user, kind) -> {
          try {
            return of(user, caseId).stream().filter(n -> n.kind() == kind).count();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    assertEquals(1L, count.apply("cp.caseworker", NotificationKind.CONSENT_EXPIRING));
    assertEquals(1L, count.apply("cp.caseworker", NotificationKind.REFERRAL_OVERDUE));
    assertEquals(1L, count.apply("cp.csw1", NotificationKind.REFERRAL_UNANSWERED));
    assertEquals(0L, count.apply("cp.health", NotificationKind.REFERRAL_UNANSWERED));
    // The next morning nothing crosses its threshold again.
    notices.send(today.plusDays(1));
    assertEquals(1L, count.apply("cp.caseworker", NotificationKind.CONSENT_EXPIRING));
    assertEquals(1L, count.apply("cp.csw1", NotificationKind.REFERRAL_UNANSWERED));
  }

  @Test
  void aRepeatedReviewPostNeverReviewsTheAccessThatMovedUpIntoItsRow() throws Exception {
    Viewer caseworker = directory.viewerFor("ngo.caseworker1").orElseThrow();
    Viewer coordinator = directory.viewerFor("ngo.coordinator").orElseThrow();
    long caseId = ConsentFixture.newCase(em, tx, "ngo.caseworker1", "Snežana", "Ponovo");
    referrals.send(
        caseworker,
        caseId,
        orgId("Centar za socijalni rad Beograd"),
        Purpose.ACCOMMODATION,
        Set.of(),
        null);
    Viewer officer = opener("nt.belgrade", "Centar za socijalni rad Beograd");
    long first =
        breakGlass.open(
            officer,
            caseId,
            DataCategory.HEALTH,
            "Dete je nestalo iz smeštaja noćas, policija traži hitne podatke",
            false);
    long second =
        breakGlass.open(
            officer,
            caseId,
            DataCategory.CONTACT,
            "Hitno je potrebna adresa zbog posete socijalnog radnika danas",
            false);
    java.net.URI base =
        java.net.URI.create(
            "http://localhost:" + request.getLocalPort() + request.getContextPath() + "/");
    PortalSession session = new PortalSession(base);
    session.signIn("ngo.coordinator", "demo");
    String home = session.get("app/home.xhtml").body();
    String code = codeOf(caseId);
    int at = home.indexOf(code, home.indexOf("reviewForm:reviews"));
    java.util.regex.Matcher row =
        java.util.regex.Pattern.compile("data-ri=\"(\\d+)\"").matcher(home.substring(0, at));
    String index = null;
    while (row.find()) {
      index = row.group(1);
    }
    session.submit("reviewForm", "reviewForm:reviews:" + index + ":justified", java.util.Map.of());
    session.resendLastPost();
    session.resendLastPost();
    List<Long> waiting =
        reviews.toReview(coordinator).stream()
            .map(rs.astra.nrm.consent.EmergencyReviews.ReviewLine::id)
            .toList();
    assertFalse(waiting.contains(first), "the access shown in the row was reviewed");
    assertTrue(waiting.contains(second), "the repeated post reviewed nothing else");
  }

  private int attemptsOfCsw1(long caseId) {
    return ((Number)
            em.createNativeQuery(
                    "select n.mail_attempts from notification n"
                        + " join portal_user u on u.id = n.recipient_user_id"
                        + " where n.case_file_id = ? and u.username = 'cp.csw1'")
                .setParameter(1, caseId)
                .getSingleResult())
        .intValue();
  }

  private String codeOf(long caseId) {
    return em.createQuery("select c.code from CaseFile c where c.id = :id", String.class)
        .setParameter("id", caseId)
        .getSingleResult();
  }

  private String mailState(long caseId, String username) {
    return (String)
        em.createNativeQuery(
                "select n.mail_state from notification n join portal_user u"
                    + " on u.id = n.recipient_user_id where n.case_file_id = ? and u.username = ?")
            .setParameter(1, caseId)
            .setParameter(2, username)
            .getSingleResult();
  }

  private String code(long caseId) {
    return em.createQuery("select c.code from CaseFile c where c.id = :id", String.class)
        .setParameter("id", caseId)
        .getSingleResult();
  }

  @Test
  void eachUserChoosesAnEmailAtOnceADailySummaryAt7OrThePortalOnly() throws Exception {
    addresses();
    Viewer officer = viewer("cp.csw1");
    Viewer caseworker = viewer("cp.caseworker");
    notifications.chooseDeliveries(
        officer,
        java.util.Map.of(
            NotificationKind.REFERRAL_RECEIVED,
            rs.astra.nrm.notification.NotificationDelivery.DAILY_DIGEST,
            // Not a kind a CSW officer is told of: ignored.
            NotificationKind.CONSENT_EXPIRING,
            rs.astra.nrm.notification.NotificationDelivery.PORTAL_ONLY));
    notifications.chooseDeliveries(
        caseworker,
        java.util.Map.of(
            NotificationKind.REFERRAL_ACCEPTED,
            rs.astra.nrm.notification.NotificationDelivery.PORTAL_ONLY));
    GreenMail smtp = new GreenMail(SMTP);
    smtp.start();
    try {
      assertEquals(
          rs.astra.nrm.notification.NotificationDelivery.DAILY_DIGEST,
          notifications.deliveries(officer).stream()
              .filter(c -> c.kind() == NotificationKind.REFERRAL_RECEIVED)
              .findFirst()
              .orElseThrow()
              .delivery());
      assertTrue(
          notifications.deliveries(officer).stream()
              .noneMatch(c -> c.kind() == NotificationKind.CONSENT_EXPIRING));
      long first = ConsentFixture.newCase(em, tx, "cp.caseworker", "Dragana", "Pregled");
      long second = ConsentFixture.newCase(em, tx, "cp.caseworker", "Vesna", "Pregled");
      long referral = sendSocialReferral(caseworker, first);
      sendSocialReferral(caseworker, second);

      // In the portal at once; her colleague, who has no e-mail address, in the portal only.
      assertEquals(1, of("cp.csw1", first).size());
      assertEquals(1, of("cp.csw1", second).size());
      assertEquals(1, of("cp.csw2", first).size());
      assertEquals("DIGEST", mailState(first, "cp.csw1"));
      assertEquals("DIGEST", mailState(second, "cp.csw1"));
      assertEquals("NONE", mailState(first, "cp.csw2"));
      while (outbox.deliverDue(Instant.now().plusSeconds(1)) > 0) {
        // drained: everything due now
      }
      assertEquals("DIGEST", mailState(first, "cp.csw1"), "no e-mail before 07:00");

      // At 07:00 (Europe/Belgrade): one e-mail with both cases, in her language (Cyrillic).
      Instant seven = rs.astra.nrm.notification.Notification.nextDigest(Instant.now());
      while (outbox.deliverDue(seven.plusSeconds(1)) > 0) {
        // drained
      }
      List<MimeMessage> digests =
          List.of(smtp.getReceivedMessages()).stream()
              .filter(m -> to(m).contains("cp.csw1"))
              .filter(
                  m -> {
                    try {
                      String t = all(m);
                      return t.contains(code(first)) && t.contains(code(second));
                    } catch (Exception e) {
                      return false;
                    }
                  })
              .toList();
      assertEquals(1, digests.size(), "one summary naming both cases");
      assertTrue(digests.get(0).getSubject().contains("преглед"), digests.get(0).getSubject());
      String text = all(digests.get(0));
      assertFalse(text.contains("Dragana") || text.contains("Vesna"), "no personal data");
      assertEquals("SENT", mailState(first, "cp.csw1"));
      assertEquals("SENT", mailState(second, "cp.csw1"));
      while (outbox.deliverDue(seven.plusSeconds(2)) > 0) {
        // drained
      }
      assertEquals(
          1,
          List.of(smtp.getReceivedMessages()).stream()
              .filter(m -> to(m).contains("cp.csw1"))
              .filter(m -> subjectOf(m).contains("преглед"))
              .filter(
                  m -> {
                    try {
                      return all(m).contains(code(first));
                    } catch (Exception e) {
                      return false;
                    }
                  })
              .count(),
          "the summary is sent once");

      // Portal only: the caseworker is told in the portal, and no e-mail is ever made.
      long version =
          em.createQuery("select r.version from Referral r where r.id = :id", Long.class)
              .setParameter("id", referral)
              .getSingleResult();
      referrals.accept(officer, referral, version);
      assertEquals(
          1,
          of("cp.caseworker", first).stream()
              .filter(n -> n.kind() == NotificationKind.REFERRAL_ACCEPTED)
              .count());
      assertEquals(
          "NONE",
          em.createNativeQuery(
                  "select n.mail_state from notification n join portal_user u"
                      + " on u.id = n.recipient_user_id where n.case_file_id = ?"
                      + " and u.username = 'cp.caseworker' and n.kind = 'REFERRAL_ACCEPTED'")
              .setParameter(1, first)
              .getSingleResult());
    } finally {
      smtp.stop();
      notifications.chooseDeliveries(
          officer,
          java.util.Map.of(
              NotificationKind.REFERRAL_RECEIVED,
              rs.astra.nrm.notification.NotificationDelivery.AT_ONCE));
      notifications.chooseDeliveries(
          caseworker,
          java.util.Map.of(
              NotificationKind.REFERRAL_ACCEPTED,
              rs.astra.nrm.notification.NotificationDelivery.AT_ONCE));
    }
  }

  private static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }

  @Test
  void theDayBeforeAHearingThoseWhoMayReadItAreToldAndNoOneElse() throws Exception {
    Viewer owner = viewer("cp.caseworker");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Jelena", "Rociste");
    sendSocialReferral(owner, caseId);
    LocalDate today = LocalDate.of(2027, 3, 9);
    proceedings.record(
        owner,
        caseId,
        new rs.astra.nrm.proceedings.ProceedingsService.NewEntryForm(
            rs.astra.nrm.proceedings.ProceedingsEntryKind.HEARING,
            today.plusDays(1),
            null,
            null,
            null,
            null,
            null,
            "Viši sud, sudnica 4, 10:00"));
    rs.astra.nrm.proceedings.HearingNotices notices =
        bean(rs.astra.nrm.proceedings.HearingNotices.class);
    notices.send(today.minusDays(1));
    assertEquals(0, hearings("cp.caseworker", caseId), "not two days before");
    notices.send(today);
    assertEquals(1, hearings("cp.caseworker", caseId));
    assertEquals(1, hearings("cp.coordinator", caseId));
    // A centre referred the case for social protection may not read the proceedings; another
    // NGO, the owner's administrator and DPO read no case data.
    for (String none : List.of("cp.csw1", "cp.csw2", "cp.other", "cp.admin", "cp.dpo")) {
      assertEquals(0, hearings(none, caseId), none);
    }
    // The permit is recorded, as the home page's list of hearings is.
    assertTrue(
        ((Number)
                    em.createNativeQuery(
                            "select count(*) from audit_record where case_file_id = ? and username"
                                + " = 'cp.coordinator' and category = 'LEGAL_PROCEEDINGS'")
                        .setParameter(1, caseId)
                        .getSingleResult())
                .longValue()
            >= 1);
    notices.send(today.plusDays(1));
    assertEquals(1, hearings("cp.caseworker", caseId), "told once");
  }

  private long hearings(String username, long caseId) throws Exception {
    return of(username, caseId).stream()
        .filter(n -> n.kind() == NotificationKind.HEARING_TOMORROW)
        .count();
  }

  @Test
  void theMorningNoticesOfADayAreWrittenOnceHoweverManyRunsStartAtOnce() throws Exception {
    rs.astra.nrm.casefile.DailyNotices notices = bean(rs.astra.nrm.casefile.DailyNotices.class);
    Viewer owner = viewer("cp.caseworker");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Milena", "Jednom");
    sendSocialReferral(owner, caseId);
    LocalDate day = LocalDate.of(2031, 3, 3);
    tx.begin();
    em.createNativeQuery(
            "update consent set valid_until = ? where case_file_id = ? and withdrawn_at is null")
        .setParameter(1, day.plusDays(14))
        .setParameter(2, caseId)
        .executeUpdate();
    tx.commit();
    // Two instances' timers at the same moment (two threads here): one writes the day's notices.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> runs = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> notices.sendOnce(day)));
      }
      int done = 0;
      for (Future<Integer> run : runs) {
        try {
          if (run.get() >= 0) {
            done++;
          }
        } catch (java.util.concurrent.ExecutionException e) {
          // The run that lost the race on the period's key rolled back.
        }
      }
      assertEquals(1, done, "exactly one run did the day's work");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(-1, notices.sendOnce(day), "a later run finds the day done");
    assertEquals(
        1L,
        of("cp.caseworker", caseId).stream()
            .filter(n -> n.kind() == NotificationKind.CONSENT_EXPIRING)
            .count(),
        "told once");
  }
}
