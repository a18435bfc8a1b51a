package rs.astra.nrm.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server e-mails go through (issue 18; README "Notifications and e-mail"), from
 * MicroProfile Config: {@code nrm.smtp.host} ({@code NRM_SMTP_HOST}; without it e-mail is off and
 * notifications stay in the portal), {@code nrm.smtp.port} (25), {@code nrm.smtp.user} and {@code
 * nrm.smtp.password} (no authentication without a user), {@code nrm.smtp.starttls} ({@code false};
 * {@code true} requires STARTTLS), {@code nrm.smtp.from} (the sender address), and {@code
 * nrm.base.url} ({@code NRM_BASE_URL}, the portal's address for the links, e.g. {@code
 * https://nrm.example.rs/}).
 */
@ApplicationScoped
public class MailSettings {

  @Inject
  @ConfigProperty(name = "nrm.smtp.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "nrm.smtp.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "nrm.smtp.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "nrm.smtp.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "nrm.smtp.starttls", defaultValue = "false")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "nrm.smtp.from", defaultValue = "nrm-portal@localhost")
  String from;

  @Inject
  @ConfigProperty(name = "nrm.base.url", defaultValue = "http://localhost:8080/")
  String portalUrl;

  /**
   * @return whether an SMTP host is configured (otherwise e-mail is off)
   */
  public boolean enabled() {
    return host.filter(h -> !h.isBlank()).isPresent();
  }

  /**
   * @return the sender address
   */
  public String from() {
    return from;
  }

  /**
   * @return the portal's address, ending with {@code /}
   */
  public String portalUrl() {
    return portalUrl.endsWith("/") ? portalUrl : portalUrl + "/";
  }

  /**
   * @return the user to authenticate as, if any
   */
  public Optional<String> user() {
    return user.filter(u -> !u.isBlank());
  }

  /**
   * @return the password of {@link #user()}
   */
  public String password() {
    return password.orElse("");
  }

  /**
   * The Jakarta Mail session properties (timeouts of 10 s so that a hanging server never holds the
   * sender for long).
   *
   * @return the properties
   */
  public Properties sessionProperties() {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", host.orElse(""));
    p.put("mail.smtp.port", String.valueOf(port));
    p.put("mail.smtp.auth", String.valueOf(user().isPresent()));
    p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
    p.put("mail.smtp.starttls.required", String.valueOf(starttls));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    return p;
  }

  /**
   * @return host and port, for the administrator's page (no credentials)
   */
  @Override
  public String toString() {
    return enabled() ? host.get() + ":" + port : "off";
  }
}
