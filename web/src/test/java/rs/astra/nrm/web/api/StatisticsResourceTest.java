package rs.astra.nrm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.statistics.Dimension;

/** The API offers for the victims' table exactly the dimensions the statistics service takes. */
class StatisticsResourceTest {

  @Test
  void theApisVictimDimensionsAreTheServices() {
    Set<String> service =
        Arrays.stream(Dimension.values())
            .filter(Dimension::victimDimension)
            .map(Dimension::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        service, new TreeSet<>(Arrays.asList(StatisticsResource.VICTIM_DIMENSIONS.split("\\|"))));
  }
}
