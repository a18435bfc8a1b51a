package rs.astra.nrm.exchange;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.casefile.TypeOfSexExploitation;

/**
 * How a portal case becomes a CTDC record: HTCDS values mapped onto the CTDC columns, the date
 * reduced to the year, the age to its band, no names and no free text. A flag group is known (0/1)
 * when the case records at least one value of the matching HTCDS field, otherwise unknown (-99).
 * Recruitment is not mapped ({@code isAbduction} and the recruiter relation stay unknown): HTCDS
 * records how a person was recruited, not by whom.
 */
public final class CtdcPortalMapping {

  /** The CTDC data source of the portal's cases. */
  public static final String DATASOURCE = "Case Management";

  private CtdcPortalMapping() {}

  /**
   * Maps one case.
   *
   * @param registeredOn the day the case was opened (its year is {@code yearOfRegistration}, and
   *     the age band and majority are taken on that day)
   * @param gender HTCDS {@code prs_Gender}, may be {@code null}
   * @param birthdate HTCDS {@code prs_Birthdate}, may be {@code null}
   * @param citizenship HTCDS {@code prs_Citizenship}: the first code (alphabetically) is kept, as
   *     the CTDC has one citizenship per record
   * @param forms {@code vic_TypeOfExploitation}
   * @param control {@code vic_MethodsOfControl}
   * @param sexTypes {@code vic_TypeOfSexExploitation}
   * @param industry {@code vic_ForcedLabourIndustry}, may be {@code null}
   * @return the record (row number 0)
   */
  public static CtdcRow fromCase(
      LocalDate registeredOn,
      Gender gender,
      LocalDate birthdate,
      Set<String> citizenship,
      Set<TypeOfExploitation> forms,
      Set<MethodOfControl> control,
      Set<TypeOfSexExploitation> sexTypes,
      ForcedLabourIndustry industry) {
    AgeBand band = null;
    Majority majority = null;
    if (birthdate != null && !birthdate.isAfter(registeredOn)) {
      band = AgeBand.ofAge(Period.between(birthdate, registeredOn).getYears());
      majority = band.minor() ? Majority.MINOR : Majority.ADULT;
    }
    Map<CtdcFlag, Boolean> flags = new EnumMap<>(CtdcFlag.class);
    if (!forms.isEmpty()) {
      for (CtdcFlag f : CtdcFlag.Group.EXPLOITATION.flags()) {
        flags.put(f, false);
      }
      boolean labour =
          forms.contains(TypeOfExploitation.ForcedLabour)
              || forms.contains(TypeOfExploitation.ForcedBegging);
      boolean sexual = forms.contains(TypeOfExploitation.SexualExploitation);
      flags.put(CtdcFlag.FORCED_LABOUR, labour);
      flags.put(CtdcFlag.SEXUAL_EXPLOIT, sexual);
      flags.put(CtdcFlag.SEX_AND_LABOUR, labour && sexual);
      flags.put(CtdcFlag.FORCED_MARRIAGE, forms.contains(TypeOfExploitation.ForcedMarriage));
      flags.put(
          CtdcFlag.FORCED_MILITARY,
          forms.contains(TypeOfExploitation.ForcedMilitaryByNonStateActors));
      flags.put(CtdcFlag.ORGAN_REMOVAL, forms.contains(TypeOfExploitation.OrganRemoval));
      flags.put(CtdcFlag.SLAVERY_AND_PRACTICES, forms.contains(TypeOfExploitation.Servitude));
      flags.put(
          CtdcFlag.OTHER_EXPLOIT,
          forms.stream()
              .anyMatch(
                  f ->
                      List.of(
                              TypeOfExploitation.Other,
                              TypeOfExploitation.ChildLabour,
                              TypeOfExploitation.ForcedAdoption,
                              TypeOfExploitation.Surrogacy)
                          .contains(f)));
    }
    if (forms.contains(TypeOfExploitation.ForcedBegging) || industry != null) {
      for (CtdcFlag f : CtdcFlag.Group.LABOUR.flags()) {
        flags.put(f, false);
      }
      flags.put(CtdcFlag.LABOUR_BEGGING, forms.contains(TypeOfExploitation.ForcedBegging));
      if (industry != null) {
        flags.put(labourFlag(industry), true);
      }
    }
    if (!sexTypes.isEmpty()) {
      flags.put(CtdcFlag.SEX_PROSTITUTION, sexTypes.contains(TypeOfSexExploitation.Prostitution));
      flags.put(CtdcFlag.SEX_PORNOGRAPHY, sexTypes.contains(TypeOfSexExploitation.Pornography));
      flags.put(
          CtdcFlag.SEX_REMOTE_INTERACTIVE_SERVICES,
          sexTypes.contains(TypeOfSexExploitation.RemoteInteractiveServices));
      flags.put(
          CtdcFlag.SEX_PRIVATE_SEXUAL_SERVICES,
          sexTypes.contains(TypeOfSexExploitation.PrivateSexualServices));
    }
    if (!control.isEmpty()) {
      for (CtdcFlag f : CtdcFlag.Group.MEANS_OF_CONTROL.flags()) {
        flags.put(f, false);
      }
      for (MethodOfControl m : control) {
        flags.put(controlFlag(m), true);
      }
    }
    return new CtdcRow(
        0,
        registeredOn.getYear(),
        DATASOURCE,
        gender == Gender.Feminine ? Sex.FEMALE : gender == Gender.Masculine ? Sex.MALE : null,
        band,
        majority,
        null,
        null,
        citizenship.isEmpty() ? null : new java.util.TreeSet<>(citizenship).first(),
        null,
        null,
        flags);
  }

  private static CtdcFlag labourFlag(ForcedLabourIndustry industry) {
    return switch (industry) {
      case A_AgricultureForestryAndFishing -> CtdcFlag.LABOUR_AGRICULTURE;
      case B_MiningAndQuarrying -> CtdcFlag.LABOUR_MINING_OR_DRILLING;
      case C_Manufacturing -> CtdcFlag.LABOUR_MANUFACTURING;
      case F_Construction -> CtdcFlag.LABOUR_CONSTRUCTION;
      case H_TransportationAndStorage -> CtdcFlag.LABOUR_TRANSPORTATION;
      case I_AccommodationAndFoodServiceActivities -> CtdcFlag.LABOUR_HOSPITALITY;
      case T_ActivitiesOfHouseholdsAsEmployers -> CtdcFlag.LABOUR_DOMESTIC_WORK;
      default -> CtdcFlag.LABOUR_OTHER;
    };
  }

  private static CtdcFlag controlFlag(MethodOfControl m) {
    return switch (m) {
      case PhysicalThreats, ThreatensChildrenFamily -> CtdcFlag.MOC_THREATS;
      case ThreatsLawEnforcement -> CtdcFlag.MOC_THREAT_OF_LAW_ENFORCEMENT;
      case DebtBondage -> CtdcFlag.MOC_DEBT_BONDAGE;
      case FalsePromises -> CtdcFlag.MOC_FALSE_PROMISES;
      case PhysicalAbuse -> CtdcFlag.MOC_PHYSICAL_ABUSE;
      case SexualAbuse -> CtdcFlag.MOC_SEXUAL_ABUSE;
      case TakesEarnings -> CtdcFlag.MOC_TAKES_EARNINGS;
      case RestrictsFinancialAccess -> CtdcFlag.MOC_RESTRICTS_FINANCIAL_ACCESS;
      case RestrictsMedicalCare -> CtdcFlag.MOC_RESTRICTS_MEDICAL_CARE;
      case WithholdsNecessities -> CtdcFlag.MOC_WITHHOLDS_NECESSITIES;
      case PsychologicalAbuse -> CtdcFlag.MOC_PSYCHOLOGICAL_ABUSE;
      case PsychoactiveSubstance -> CtdcFlag.MOC_PSYCHOACTIVE_SUBSTANCES;
      case ExcessiveWorkingHours -> CtdcFlag.MOC_EXCESSIVE_WORKING_HOURS;
      case WithholdsDocuments -> CtdcFlag.MOC_WITHHOLDS_DOCUMENTS;
      case RestrictsMovement -> CtdcFlag.MOC_RESTRICTS_MOVEMENT;
      case Other -> CtdcFlag.MOC_OTHER;
    };
  }
}
