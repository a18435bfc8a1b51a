package rs.astra.nrm.shared;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The portal's one time zone. Instants are stored in UTC; calendar days (consent validity, referral
 * dates, decisions, hearings, "today") are days in Serbia's civil time, Europe/Belgrade (CET/CEST).
 */
public final class NrmTime {

  /** Europe/Belgrade: the zone of every calendar day the portal shows, stores or compares. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");

  private NrmTime() {}

  /**
   * Today in Serbia.
   *
   * @return the current calendar day in {@link #ZONE}, from the system clock
   */
  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }
}
