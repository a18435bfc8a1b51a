package rs.astra.nrm.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The menus' organisations: kept 30 seconds per server, forgotten at an administrator's change. */
class ActiveOrganisationChoicesTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicInteger reads = new AtomicInteger();

  private List<UserDirectory.OrganisationChoice> current =
      List.of(new UserDirectory.OrganisationChoice(1, "ASTRA"));

  private final Supplier<List<UserDirectory.OrganisationChoice>> database =
      () -> {
        reads.incrementAndGet();
        return current;
      };

  @Test
  void aListReadIsKeptForThirtySecondsAndReadAgainAfter() {
    var choices = new ActiveOrganisationChoices();
    assertEquals(current, choices.list(0, database));
    assertEquals(current, choices.list(29 * SECOND, database));
    assertEquals(1, reads.get());

    current = List.of(new UserDirectory.OrganisationChoice(2, "Atina"));
    assertEquals(current, choices.list(30 * SECOND, database));
    assertEquals(2, reads.get());
  }

  @Test
  void anAdministratorsChangeOnThisServerShowsAtTheNextRead() {
    var choices = new ActiveOrganisationChoices();
    choices.list(0, database);
    current = List.of();
    choices.changed(new ActiveOrganisationChoices.OrganisationsChanged());
    assertEquals(List.of(), choices.list(SECOND, database));
    assertEquals(2, reads.get());
  }

  @Test
  void aReadDuringWhichAChangeEndedIsNotKept() {
    var choices = new ActiveOrganisationChoices();
    List<UserDirectory.OrganisationChoice> before = current;
    // The change commits and is announced while the old list is being read.
    assertEquals(
        before,
        choices.list(
            0,
            () -> {
              reads.incrementAndGet();
              choices.changed(new ActiveOrganisationChoices.OrganisationsChanged());
              return before;
            }));
    current = List.of();
    assertEquals(List.of(), choices.list(SECOND, database));
  }
}
