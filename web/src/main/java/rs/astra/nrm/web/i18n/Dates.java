package rs.astra.nrm.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Shows instants (stored in UTC) as the portal's users read them: {@code dd.MM.yyyy HH:mm} in the
 * Europe/Belgrade zone. Calendar days use {@code f:convertDateTime type="localDate"} directly.
 */
@Named
@ApplicationScoped
public class Dates {

  /** The zone every time is shown in. */
  public static final ZoneId ZONE = rs.astra.nrm.shared.NrmTime.ZONE;

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZONE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZONE);

  /**
   * @param at an instant, may be {@code null}
   * @return e.g. {@code 30.11.2026 01:05} (Europe/Belgrade), or an empty string
   */
  public String minutes(Instant at) {
    return at == null ? "" : MINUTES.format(at);
  }

  /**
   * A calendar day as text, for exports (pages use {@code f:convertDateTime}).
   *
   * @param day a day, may be {@code null}
   * @return e.g. {@code 30.11.2026}, or an empty string
   */
  public String day(java.time.LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  /**
   * The day of an instant as the portal's users read it.
   *
   * @param at an instant, may be {@code null}
   * @return e.g. {@code 30.11.2026} (the day in Europe/Belgrade), or an empty string
   */
  public String dayOf(Instant at) {
    return at == null ? "" : DAY.withZone(ZONE).format(at);
  }

  /**
   * @param at an instant, may be {@code null}
   * @return e.g. {@code 30.11.2026 01:05:42} (Europe/Belgrade), or an empty string
   */
  public String seconds(Instant at) {
    return at == null ? "" : SECONDS.format(at);
  }
}
