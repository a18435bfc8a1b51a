package rs.astra.nrm.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.HtcdsPicklistValue;

/**
 * Every value of every HTCDS picklist has its own label in each of the three bundle files, read
 * file by file (a key missing in a Serbian file would otherwise fall back to the English one), and
 * the Serbian labels are not the English text copied over.
 */
class HtcdsLabelsTest {

  private static final String ENGLISH = "Messages.properties";
  private static final String LATIN = "Messages_sr_Latn.properties";
  private static final String CYRILLIC = "Messages_sr_Cyrl.properties";

  private static Properties file(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        HtcdsLabelsTest.class.getResourceAsStream("/rs/astra/nrm/web/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static List<HtcdsPicklistValue> everyValue() {
    List<HtcdsPicklistValue> values = new ArrayList<>();
    for (Class<? extends HtcdsPicklistValue> picklist : HtcdsLabels.picklists()) {
      values.addAll(List.of(picklist.getEnumConstants()));
    }
    return values;
  }

  @Test
  void everyPicklistOfTheModelHasLabels() throws IOException {
    Pattern implementor =
        Pattern.compile("public enum (\\w+)\\s+implements[^{]*\\bHtcdsPicklistValue\\b");
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("../persistence/src/main/java"))) {
      for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = implementor.matcher(Files.readString(source));
        while (m.find()) {
          found.add(m.group(1));
        }
      }
    }
    assertTrue(found.size() >= 10, "the picklists were found: " + found);
    assertEquals(
        found,
        HtcdsLabels.picklists().stream()
            .map(Class::getSimpleName)
            .collect(Collectors.toCollection(TreeSet::new)),
        "HtcdsLabels knows the prefix of every picklist");
  }

  @Test
  void everyValueHasALabelInEachLanguageFileItself() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String bundle : List.of(ENGLISH, LATIN, CYRILLIC)) {
      Properties texts = file(bundle);
      for (HtcdsPicklistValue value : everyValue()) {
        String text = texts.getProperty(HtcdsLabels.key(value));
        if (text == null || text.isBlank()) {
          missing.add(bundle + ": " + HtcdsLabels.key(value));
        }
      }
    }
    assertTrue(missing.isEmpty(), "values without a label: " + missing);
  }

  @Test
  void theSerbianLabelsAreTranslatedNotTheEnglishCopied() throws IOException {
    Properties english = file(ENGLISH);
    Properties latin = file(LATIN);
    Properties cyrillic = file(CYRILLIC);
    List<String> untranslated = new ArrayList<>();
    for (HtcdsPicklistValue value : everyValue()) {
      String key = HtcdsLabels.key(value);
      String lat = latin.getProperty(key, "");
      String cyr = cyrillic.getProperty(key, "");
      if (lat.equalsIgnoreCase(english.getProperty(key, ""))
          || lat.equalsIgnoreCase(value.htcdsLabel())) {
        untranslated.add("Latin " + key + "=" + lat);
      }
      if (cyr.matches(".*[A-Za-z].*")) {
        untranslated.add("Cyrillic " + key + "=" + cyr);
      }
    }
    assertTrue(untranslated.isEmpty(), "English left in the Serbian bundles: " + untranslated);
  }

  @Test
  void theKeyIsThePicklistsPrefixAndTheValueName() {
    assertEquals(
        "recruitment.ThroughAnOnlineAdvertisement",
        HtcdsLabels.key(rs.astra.nrm.casefile.MethodOfRecruitment.ThroughAnOnlineAdvertisement));
    assertEquals(
        "control.DebtBondage", HtcdsLabels.key(rs.astra.nrm.casefile.MethodOfControl.DebtBondage));
    assertEquals(
        "statusDecidedBy.Police",
        HtcdsLabels.key(rs.astra.nrm.casefile.TraffickingStatusDecisionMakingOrg.Police));
  }
}
