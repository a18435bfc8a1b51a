package rs.astra.nrm.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rows of the floor, made once and held in memory: as many as the system property {@code
 * nrm.floor.rows} says (default 100,000), newest first, with names and exploitation types like the
 * generated caseload's. Deterministic (fixed seed).
 */
@ApplicationScoped
public class FloorRows {

  private static final String[] STATUSES = {"Active", "FollowUp", "Closed", "ClosedReferred"};
  private static final String[] EXPLOITATION = {
    "SexualExploitation", "ForcedLabour", "ForcedBegging", "ForcedMarriage", "Other"
  };
  private static final String[] FIRST = {
    "Jelena", "Marija", "Ана", "Милица", "Ioana", "Drita", "Olena", "Blessing"
  };
  private static final String[] SECOND = {
    "Petrović", "Nikolić", "Јовановић", "Илић", "Popescu", "Krasniqi", "Shevchenko", "Okafor"
  };

  private volatile List<FloorRow> rows;

  /**
   * @return all rows, newest first; made on first use
   */
  public List<FloorRow> all() {
    List<FloorRow> r = rows;
    if (r == null) {
      synchronized (this) {
        if (rows == null) {
          rows = make(Integer.getInteger("nrm.floor.rows", 100_000));
        }
        r = rows;
      }
    }
    return r;
  }

  private static List<FloorRow> make(int n) {
    SplittableRandom random = new SplittableRandom(20_260_101L);
    List<FloorRow> list = new ArrayList<>(n);
    LocalDate day = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(3) == 0) {
        day = day.minusDays(1);
      }
      List<String> types =
          random.nextInt(4) == 0
              ? List.of(EXPLOITATION[random.nextInt(5)], "ForcedLabour")
              : List.of(EXPLOITATION[random.nextInt(5)]);
      String name =
          random.nextInt(5) == 0
              ? null
              : FIRST[random.nextInt(FIRST.length)] + " " + SECOND[random.nextInt(SECOND.length)];
      list.add(
          new FloorRow(
              n - i,
              String.format("NRM-%04d-%05d", day.getYear(), n - i),
              day,
              STATUSES[random.nextInt(STATUSES.length)],
              types,
              "ASTRA",
              name,
              true,
              (long) ((n - i) % 4)));
    }
    return List.copyOf(list);
  }
}
