package rs.astra.nrm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.bench.caseload.CaseloadGenerator;

class BenchmarkHarnessTest {

  @Test
  void theLoadTestsSessionsAreFiftyDifferentUsersOfEveryKindWhoWorkOnCases() {
    var users =
        new CaseloadGenerator(
                new CaseloadGenerator.Settings(
                    "jdbc:postgresql://unused/x", "u", "", 10, 7, LocalDate.of(2026, 1, 1)))
            .users();
    List<String> chosen = BenchmarkHarness.loadUsers(users, 50);
    assertEquals(50, chosen.size());
    assertEquals(50, chosen.stream().distinct().count());
    for (String prefix : List.of("ngo", "csw", "police", "cptv", "prosecutor", "health")) {
      assertTrue(chosen.stream().anyMatch(u -> u.startsWith(prefix)), "no " + prefix + " session");
    }
    assertTrue(
        chosen.stream()
            .noneMatch(u -> u.startsWith("admin") || u.equals("dpo") || u.equals("ngo.hotline")),
        "only users who work on cases");
  }
}
