package rs.astra.nrm.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Stand-in for the portal's {@code Dates}: days as dd.MM.yyyy, as the case list shows them. */
@Named("dates")
@ApplicationScoped
public class Dates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /**
   * @param day a calendar day, may be {@code null}
   * @return dd.MM.yyyy, or an empty text
   */
  public String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }
}
