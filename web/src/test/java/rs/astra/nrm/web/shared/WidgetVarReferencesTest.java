package rs.astra.nrm.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every PrimeFaces widget a page's script names ({@code PF('casesTable')}) is declared by a
 * component's {@code widgetVar}: a name without one is undefined in the browser, and the control
 * that calls it silently does nothing (the case list's status filter did nothing for this reason,
 * trial of 2026-12-07).
 */
class WidgetVarReferencesTest {

  private static final Pattern REFERENCE = Pattern.compile("PF\\('([^']+)'\\)");
  private static final Pattern DECLARATION = Pattern.compile("widgetVar=\"([^\"]+)\"");

  @Test
  void everyWidgetAPageNamesIsDeclared() throws IOException {
    Set<String> referenced = new TreeSet<>();
    Set<String> declared = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
        String page = Files.readString(file);
        collect(REFERENCE.matcher(page), referenced);
        collect(DECLARATION.matcher(page), declared);
      }
    }
    assertFalse(referenced.isEmpty(), "the pages name widgets (the scan found the pages)");
    Set<String> undeclared = new TreeSet<>(referenced);
    undeclared.removeAll(declared);
    assertEquals(Set.of(), undeclared, "widgets named by a script but declared by no component");
  }

  private static void collect(Matcher m, Set<String> into) {
    while (m.find()) {
      into.add(m.group(1));
    }
  }
}
