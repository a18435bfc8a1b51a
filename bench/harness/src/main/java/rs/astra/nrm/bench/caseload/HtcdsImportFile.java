package rs.astra.nrm.bench.caseload;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.MethodOfRecruitment;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.demo.DemoDataSeeder;

/**
 * A CSV file in the HTCDS 2.0 layout the portal's importer reads (row 1: HTCDS field names; one
 * case per row), for measuring the import: ASTRA's caseworkers as case owners, persons with Serbian
 * and foreign names, picklist values by their HTCDS names, and an outgoing referral to one of the
 * demo institutions on most rows. Deterministic for a seed.
 */
public final class HtcdsImportFile {

  /** The columns written, HTCDS field names. */
  public static final List<String> FIELDS =
      List.of(
          "cas_CaseOwner",
          "prs_FirstName",
          "prs_SecondName",
          "prs_Birthdate",
          "prs_Gender",
          "prs_Citizenship",
          "prs_MobilePhone",
          "prs_MailingCity",
          "con_Consent",
          "vic_TraffickingStatus",
          "vic_MethodOfRecruitment",
          "vic_MethodsOfControl",
          "vic_TypeOfExploitation",
          "cas_Status",
          "cas_ReferringOrganisation",
          "cas_IncomingReferralDate",
          "cas_ReferredOrganisation",
          "cas_ReasonForOutgoingReferral",
          "cas_OutgoingReferralDate");

  private HtcdsImportFile() {}

  /**
   * @param rows number of case rows
   * @param seed random seed
   * @param today no date after this day
   * @return the file's bytes, UTF-8
   */
  public static byte[] csv(int rows, long seed, LocalDate today) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x47C05L);
    String[] owners = {"ngo.caseworker1", "ngo.caseworker2", "ngo.coordinator"};
    List<String> recipients =
        DemoDataSeeder.ORGANISATIONS.stream()
            .map(DemoDataSeeder.DemoOrganisation::name)
            .filter(n -> !n.equals(DemoDataSeeder.ASTRA))
            .toList();
    StringBuilder out = new StringBuilder(rows * 260);
    out.append(String.join(",", FIELDS)).append('\n');
    for (int i = 0; i < rows; i++) {
      Names.Origin origin = Names.origin(r);
      LocalDate incoming = today.minusDays(r.nextInt(3650));
      String referred = r.nextInt(5) == 0 ? "" : recipients.get(r.nextInt(recipients.size()));
      String[] row = {
        owners[r.nextInt(owners.length)],
        Names.pick(r, origin.given()),
        Names.pick(r, origin.surnames()),
        incoming.minusDays(14 * 365 + r.nextInt(30 * 365)).toString(),
        r.nextInt(4) == 0 ? "Masculine" : "Feminine",
        origin.country(),
        String.format("+381 6%d %03d %04d", r.nextInt(10), r.nextInt(1000), r.nextInt(10000)),
        Names.pick(r, Names.TOWNS),
        r.nextBoolean() ? "TRUE" : "FALSE",
        Names.pick(r, TraffickingStatus.values()).name(),
        Names.pick(r, MethodOfRecruitment.values()).name(),
        Names.pick(r, MethodOfControl.values()).name() + ";" + MethodOfControl.DebtBondage.name(),
        Names.pick(
                r,
                new TypeOfExploitation[] {
                  TypeOfExploitation.SexualExploitation,
                  TypeOfExploitation.ForcedLabour,
                  TypeOfExploitation.ForcedBegging
                })
            .name(),
        Names.pick(r, new CaseStatus[] {CaseStatus.Active, CaseStatus.FollowUp, CaseStatus.Closed})
            .name(),
        "SOS hotline",
        incoming.toString(),
        referred,
        referred.isEmpty() ? "" : "AdditionalServicesRequired",
        referred.isEmpty()
            ? ""
            : incoming.plusDays(r.nextInt(30)).isAfter(today)
                ? today.toString()
                : incoming.plusDays(r.nextInt(30)).toString()
      };
      for (int k = 0; k < row.length; k++) {
        if (k > 0) {
          out.append(',');
        }
        String v = row[k];
        out.append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
      }
      out.append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
