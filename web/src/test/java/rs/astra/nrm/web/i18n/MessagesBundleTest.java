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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessBasis;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.DenyReason;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.exchange.HtcdsImportProblem;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.referral.ReferralState;

/** Every text the portal shows exists in every language: no missing or stray bundle key. */
class MessagesBundleTest {

  private static final List<String> BUNDLES =
      List.of("Messages.properties", "Messages_sr_Latn.properties", "Messages_sr_Cyrl.properties");

  private static Properties load(String file) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        MessagesBundleTest.class.getResourceAsStream("/rs/astra/nrm/web/i18n/" + file)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyLanguageHasTheSameKeys() throws IOException {
    Set<String> reference = new TreeSet<>(load(BUNDLES.get(0)).stringPropertyNames());
    for (String bundle : BUNDLES) {
      assertEquals(reference, new TreeSet<>(load(bundle).stringPropertyNames()), bundle);
    }
  }

  @Test
  void theCyrillicTextsHoldNoLatinWordsButNamesOfStandardsAndFields() throws IOException {
    Properties cyrillic = load("Messages_sr_Cyrl.properties");
    // CTDC: the name of the Counter Trafficking Data Collaborative's format; Female, Male, Adult,
    // Minor: the values a CTDC file holds, quoted in its import errors. The REST API's messages
    // (issue 22) quote what a client system types verbatim: protocol names, a header, a media type,
    // a setting and the values of its parameters, JSON's types and literal (string, null) and a
    // category code as an example (HEALTH). PDF: the file format of the access report.
    Pattern allowed =
        Pattern.compile(
            "GDPR|HTCDS|CTDC|Female|Male|Adult|Minor|Excel|CSV|PDF|UTF-?|xlsx|ISO|RS|BA|TRUE|FALSE|(cas|prs|vic)_[A-Za-z]+"
                + "|API|JSON|HTTP|UUID|Idempotency-Key|Bearer|Authorization|Accept|text|Retry-After|application|json|MP_JWT_VERIFY_PUBLICKEY_LOCATION"
                + "|asc|desc|code|openedOn|status|personName|Active|FollowUp|Closed|ClosedReferred"
                + "|cases-by-stage|victims|minors-by-year|proceedings-by-steps|verdicts|yyyy-MM-dd|YEAR|STATUS"
                + "|EXPLOITATION|SEX|AGE_BAND|CITIZENSHIP|MAJORITY|xlsx|csv|string|null|HEALTH");
    List<String> latin = new ArrayList<>();
    for (String key : cyrillic.stringPropertyNames()) {
      // The keywords of a count's plural forms ({0,plural,one{…} few{…} other{…}}) are syntax.
      String text =
          cyrillic.getProperty(key).replaceAll("\\{\\d+,plural,|\\b(one|few|other)\\{", "{");
      Matcher words = Pattern.compile("[A-Za-z][A-Za-z_-]*").matcher(text);
      while (words.find()) {
        if (!allowed.matcher(words.group()).matches()) {
          latin.add(key + ": " + words.group());
        }
      }
    }
    assertTrue(latin.isEmpty(), "Latin words in the Cyrillic texts: " + latin);
  }

  @Test
  void facesOwnConversionMessagesExistInEveryLanguageAndNoneIsLeftInEnglish() throws IOException {
    List<String> faces =
        List.of(
            "FacesMessages.properties",
            "FacesMessages_sr_Latn.properties",
            "FacesMessages_sr_Cyrl.properties");
    Set<String> reference = new TreeSet<>(load(faces.get(0)).stringPropertyNames());
    assertTrue(
        reference.contains("jakarta.faces.converter.DateTimeConverter.DATE"),
        "a mistyped date is explained in the user's language");
    for (String bundle : faces) {
      assertEquals(reference, new TreeSet<>(load(bundle).stringPropertyNames()), bundle);
    }
    Properties latin = load(faces.get(1));
    Properties cyrillic = load(faces.get(2));
    for (String key : reference) {
      assertTrue(
          !cyrillic.getProperty(key).matches(".*[A-Za-z]{2,}.*"),
          "Latin words in the Cyrillic " + key);
      assertTrue(
          !latin.getProperty(key).equals(load(faces.get(0)).getProperty(key)),
          "untranslated " + key);
    }
  }

  @Test
  void aTextWithPlaceholdersWritesItsApostrophesTwice() throws IOException {
    // MessageFormat swallows a lone apostrophe and what follows up to the next one, placeholders
    // included ("The persons consent ... does not cover: {0}", trial of 2026-12-07).
    Pattern lone = Pattern.compile("(?<!')'(?!')");
    List<String> wrong = new ArrayList<>();
    for (String bundle : BUNDLES) {
      Properties texts = load(bundle);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        if (text.matches("(?s).*\\{[0-9].*") && lone.matcher(text).find()) {
          wrong.add(bundle + ": " + key);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void eachLanguageIsFoundForItsLocale() {
    assertEquals(
        "НМУ портал",
        java.util.ResourceBundle.getBundle(
                Messages.BUNDLE, java.util.Locale.forLanguageTag("sr-Cyrl"))
            .getString("app.name"));
    assertEquals(
        "NMU portal",
        java.util.ResourceBundle.getBundle(
                Messages.BUNDLE, java.util.Locale.forLanguageTag("sr-Latn"))
            .getString("app.name"));
    assertEquals(
        "NRM Portal",
        java.util.ResourceBundle.getBundle(Messages.BUNDLE, java.util.Locale.ENGLISH)
            .getString("app.name"));
  }

  @Test
  void everyKeyAPageUsesExists() throws IOException {
    Pattern literal = Pattern.compile("msg\\['([a-zA-Z0-9_.-]+)'\\]");
    Set<String> keys = load(BUNDLES.get(0)).stringPropertyNames();
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      for (Path page : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
        Matcher m = literal.matcher(Files.readString(page));
        while (m.find()) {
          if (!keys.contains(m.group(1))) {
            missing.add(page.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "missing keys: " + missing);
  }

  @Test
  void theTransferTextsUseThePortalsWordsForConsentAndReferral() throws IOException {
    // The portal says saglasnost (consent) and upućivanje (referral) everywhere.
    Pattern other = Pattern.compile("(?iu)pristan|uputnic|пристан|упутниц");
    List<String> found = new ArrayList<>();
    for (String bundle : List.of("Messages_sr_Latn.properties", "Messages_sr_Cyrl.properties")) {
      Properties p = load(bundle);
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("transfer.") && other.matcher(p.getProperty(key)).find()) {
          found.add(bundle + " " + key);
        }
      }
    }
    assertTrue(found.isEmpty(), found.toString());
  }

  @Test
  void everyValueShownFromAnEnumHasItsText() throws IOException {
    Set<String> keys = load(BUNDLES.get(0)).stringPropertyNames();
    List<String> expected = new ArrayList<>();
    add(expected, "deny.", DenyReason.values());
    add(expected, "category.", DataCategory.values());
    add(expected, "purpose.", Purpose.values());
    add(expected, "consentMethod.", ConsentMethod.values());
    add(expected, "referralState.", ReferralState.values());
    add(expected, "caseStatus.", CaseStatus.values());
    add(expected, "exploitation.", TypeOfExploitation.values());
    add(expected, "traffickingStatus.", TraffickingStatus.values());
    add(expected, "gender.", Gender.values());
    add(expected, "action.", AccessAction.values());
    add(expected, "basis.", AccessBasis.values());
    // The access report names the legal-basis rule behind a permit, never its code.
    for (rs.astra.nrm.consent.LegalBasisTable.Rule r : rs.astra.nrm.consent.LegalBasisTable.RULES) {
      expected.add("legalBasis." + r.code());
    }
    add(expected, "stage.", rs.astra.nrm.casefile.NrmStage.values());
    add(expected, "event.", rs.astra.nrm.casefile.CaseEvent.Type.values());
    add(expected, "proceedingsKind.", rs.astra.nrm.proceedings.ProceedingsEntryKind.values());
    add(expected, "offence.", rs.astra.nrm.proceedings.Offence.values());
    add(expected, "victimStatus.", rs.astra.nrm.proceedings.VictimProceduralStatus.values());
    add(expected, "serviceType.", rs.astra.nrm.support.ServiceType.values());
    add(expected, "serviceStatus.", rs.astra.nrm.support.ServiceStatus.values());
    add(expected, "organisationType.", rs.astra.nrm.organisation.OrganisationType.values());
    add(expected, "grantKind.", rs.astra.nrm.organisation.RoleGrant.Kind.values());
    add(expected, "grantStatus.", rs.astra.nrm.organisation.RoleGrant.Status.values());
    // SOS hotline (issue 7)
    add(expected, "callPurpose.", rs.astra.nrm.hotline.CallPurpose.values());
    add(expected, "callChannel.", rs.astra.nrm.hotline.CallChannel.values());
    add(expected, "callerType.", rs.astra.nrm.hotline.CallerType.values());
    add(expected, "callLanguage.", rs.astra.nrm.hotline.CallLanguage.values());
    add(expected, "offerSource.", rs.astra.nrm.hotline.OfferSource.values());
    add(expected, "redFlag.", rs.astra.nrm.hotline.RedFlag.values());
    add(expected, "verificationStep.", rs.astra.nrm.hotline.VerificationStep.values());
    add(expected, "checkOutcome.", rs.astra.nrm.hotline.CheckOutcome.values());
    add(expected, "industry.", rs.astra.nrm.casefile.ForcedLabourIndustry.values());
    for (PortalRole r : PortalRole.values()) {
      expected.add("role." + r.roleName());
    }
    for (HtcdsImportProblem p : HtcdsImportProblem.values()) {
      expected.add(p.messageKey());
    }
    // Possible duplicates in the new-case wizard (issue 19)
    for (rs.astra.nrm.casefile.PossibleDuplicate.Match m :
        rs.astra.nrm.casefile.PossibleDuplicate.Match.values()) {
      expected.add(m.messageKey());
    }
    add(expected, "statistics.dimension.", rs.astra.nrm.statistics.Dimension.values());
    add(expected, "statistics.sex.", rs.astra.nrm.exchange.Sex.values());
    add(expected, "statistics.orgType.", rs.astra.nrm.organisation.OrganisationType.values());
    for (rs.astra.nrm.exchange.CtdcImportProblem p :
        rs.astra.nrm.exchange.CtdcImportProblem.values()) {
      expected.add(p.messageKey());
    }
    // Notifications and how they are sent (issue 18)
    add(expected, "notificationKind.", rs.astra.nrm.notification.NotificationKind.values());
    add(
        expected,
        "notification.delivery.",
        rs.astra.nrm.notification.NotificationDelivery.values());
    List<String> missing = expected.stream().filter(k -> !keys.contains(k)).toList();
    assertTrue(missing.isEmpty(), "missing keys: " + missing);
  }

  @Test
  void everyMessageKeyAServiceRefusesWithExists() throws IOException {
    Pattern thrown = Pattern.compile("InvalidRequestException\\(\\s*\"([a-zA-Z0-9_.-]+)\"");
    Set<String> keys = load(BUNDLES.get(0)).stringPropertyNames();
    List<String> missing = new ArrayList<>();
    int found = 0;
    try (Stream<Path> files = Files.walk(Path.of("../ejb/src/main/java"))) {
      for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = thrown.matcher(Files.readString(source));
        while (m.find()) {
          found++;
          if (!keys.contains(m.group(1))) {
            missing.add(source.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertTrue(found > 0, "the services' sources were found");
    assertTrue(missing.isEmpty(), "missing keys: " + missing);
  }

  private static void add(List<String> keys, String prefix, Enum<?>[] values) {
    for (Enum<?> v : values) {
      keys.add(prefix + v.name());
    }
  }
}
