package rs.astra.nrm.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import rs.astra.nrm.casefile.TypeOfExploitation;

/**
 * The 0/1 flag columns of the Counter Trafficking Data Collaborative (CTDC) global dataset, in file
 * order, each in its group and with the English label the group's {@code …Concatenated} column
 * lists. In a file each holds {@code 1}, {@code 0} or {@code -99} (unknown).
 */
public enum CtdcFlag {
  MOC_DEBT_BONDAGE("meansOfControlDebtBondage", Group.MEANS_OF_CONTROL, "Debt bondage"),
  MOC_TAKES_EARNINGS("meansOfControlTakesEarnings", Group.MEANS_OF_CONTROL, "Takes earnings"),
  MOC_RESTRICTS_FINANCIAL_ACCESS(
      "meansOfControlRestrictsFinancialAccess",
      Group.MEANS_OF_CONTROL,
      "Restricts financial access"),
  MOC_THREATS("meansOfControlThreats", Group.MEANS_OF_CONTROL, "Threats"),
  MOC_PSYCHOLOGICAL_ABUSE(
      "meansOfControlPsychologicalAbuse", Group.MEANS_OF_CONTROL, "Psychological abuse"),
  MOC_PHYSICAL_ABUSE("meansOfControlPhysicalAbuse", Group.MEANS_OF_CONTROL, "Physical abuse"),
  MOC_SEXUAL_ABUSE("meansOfControlSexualAbuse", Group.MEANS_OF_CONTROL, "Sexual abuse"),
  MOC_FALSE_PROMISES("meansOfControlFalsePromises", Group.MEANS_OF_CONTROL, "False promises"),
  MOC_PSYCHOACTIVE_SUBSTANCES(
      "meansOfControlPsychoactiveSubstances", Group.MEANS_OF_CONTROL, "Psychoactive substances"),
  MOC_RESTRICTS_MOVEMENT(
      "meansOfControlRestrictsMovement", Group.MEANS_OF_CONTROL, "Restricts movement"),
  MOC_RESTRICTS_MEDICAL_CARE(
      "meansOfControlRestrictsMedicalCare", Group.MEANS_OF_CONTROL, "Restricts medical care"),
  MOC_EXCESSIVE_WORKING_HOURS(
      "meansOfControlExcessiveWorkingHours", Group.MEANS_OF_CONTROL, "Excessive working hours"),
  MOC_USES_CHILDREN("meansOfControlUsesChildren", Group.MEANS_OF_CONTROL, "Uses children"),
  MOC_THREAT_OF_LAW_ENFORCEMENT(
      "meansOfControlThreatOfLawEnforcement", Group.MEANS_OF_CONTROL, "Threat of law enforcement"),
  MOC_WITHHOLDS_NECESSITIES(
      "meansOfControlWithholdsNecessities", Group.MEANS_OF_CONTROL, "Withholds necessities"),
  MOC_WITHHOLDS_DOCUMENTS(
      "meansOfControlWithholdsDocuments", Group.MEANS_OF_CONTROL, "Withholds documents"),
  MOC_OTHER("meansOfControlOther", Group.MEANS_OF_CONTROL, "Other"),
  MOC_NOT_SPECIFIED("meansOfControlNotSpecified", Group.MEANS_OF_CONTROL, "Not specified"),
  FORCED_LABOUR("isForcedLabour", Group.EXPLOITATION, "Forced labour"),
  SEXUAL_EXPLOIT("isSexualExploit", Group.EXPLOITATION, "Sexual exploitation"),
  OTHER_EXPLOIT("isOtherExploit", Group.EXPLOITATION, "Other exploitation"),
  SEX_AND_LABOUR("isSexAndLabour", Group.EXPLOITATION, "Sexual exploitation and forced labour"),
  FORCED_MARRIAGE("isForcedMarriage", Group.EXPLOITATION, "Forced marriage"),
  FORCED_MILITARY("isForcedMilitary", Group.EXPLOITATION, "Forced military"),
  ORGAN_REMOVAL("isOrganRemoval", Group.EXPLOITATION, "Organ removal"),
  SLAVERY_AND_PRACTICES(
      "isSlaveryAndPractices", Group.EXPLOITATION, "Slavery and similar practices"),
  LABOUR_AGRICULTURE("typeOfLabourAgriculture", Group.LABOUR, "Agriculture"),
  LABOUR_AQUAFARMING("typeOfLabourAquafarming", Group.LABOUR, "Aquafarming"),
  LABOUR_BEGGING("typeOfLabourBegging", Group.LABOUR, "Begging"),
  LABOUR_CONSTRUCTION("typeOfLabourConstruction", Group.LABOUR, "Construction"),
  LABOUR_DOMESTIC_WORK("typeOfLabourDomesticWork", Group.LABOUR, "Domestic work"),
  LABOUR_HOSPITALITY("typeOfLabourHospitality", Group.LABOUR, "Hospitality"),
  LABOUR_ILLICIT_ACTIVITIES("typeOfLabourIllicitActivities", Group.LABOUR, "Illicit activities"),
  LABOUR_MANUFACTURING("typeOfLabourManufacturing", Group.LABOUR, "Manufacturing"),
  LABOUR_MINING_OR_DRILLING("typeOfLabourMiningOrDrilling", Group.LABOUR, "Mining or drilling"),
  LABOUR_PEDDLING("typeOfLabourPeddling", Group.LABOUR, "Peddling"),
  LABOUR_TRANSPORTATION("typeOfLabourTransportation", Group.LABOUR, "Transportation"),
  LABOUR_OTHER("typeOfLabourOther", Group.LABOUR, "Other"),
  LABOUR_NOT_SPECIFIED("typeOfLabourNotSpecified", Group.LABOUR, "Not specified"),
  SEX_PROSTITUTION("typeOfSexProstitution", Group.SEX, "Prostitution"),
  SEX_PORNOGRAPHY("typeOfSexPornography", Group.SEX, "Pornography"),
  SEX_REMOTE_INTERACTIVE_SERVICES(
      "typeOfSexRemoteInteractiveServices", Group.SEX, "Remote interactive services"),
  SEX_PRIVATE_SEXUAL_SERVICES(
      "typeOfSexPrivateSexualServices", Group.SEX, "Private sexual services"),
  ABDUCTION("isAbduction", Group.ABDUCTION, "Abduction"),
  RECRUITER_INTIMATE_PARTNER(
      "recruiterRelationIntimatePartner", Group.RECRUITER_RELATION, "Intimate partner"),
  RECRUITER_FRIEND("recruiterRelationFriend", Group.RECRUITER_RELATION, "Friend"),
  RECRUITER_FAMILY("recruiterRelationFamily", Group.RECRUITER_RELATION, "Family"),
  RECRUITER_OTHER("recruiterRelationOther", Group.RECRUITER_RELATION, "Other"),
  RECRUITER_UNKNOWN("recruiterRelationUnknown", Group.RECRUITER_RELATION, "Unknown");

  /** The groups of flags; four of them have a concatenated column in the file. */
  public enum Group {
    /** {@code meansOfControl…}, concatenated in {@code meansOfControlConcatenated}. */
    MEANS_OF_CONTROL("meansOfControlConcatenated"),
    /** {@code is…} forms of exploitation, concatenated in {@code typeOfExploitConcatenated}. */
    EXPLOITATION("typeOfExploitConcatenated"),
    /** {@code typeOfLabour…}, concatenated in {@code typeOfLabourConcatenated}. */
    LABOUR("typeOfLabourConcatenated"),
    /** {@code typeOfSex…}, concatenated in {@code typeOfSexConcatenated}. */
    SEX("typeOfSexConcatenated"),
    /** {@code isAbduction}. */
    ABDUCTION(null),
    /** {@code recruiterRelation…}. */
    RECRUITER_RELATION(null);

    private final String concatenatedColumn;

    Group(String concatenatedColumn) {
      this.concatenatedColumn = concatenatedColumn;
    }

    /**
     * @return the name of the group's concatenated column, or {@code null}
     */
    public String concatenatedColumn() {
      return concatenatedColumn;
    }

    /**
     * @return the group's flags in file order
     */
    public List<CtdcFlag> flags() {
      return Arrays.stream(CtdcFlag.values()).filter(f -> f.group == this).toList();
    }
  }

  private final String column;
  private final Group group;
  private final String label;

  CtdcFlag(String column, Group group, String label) {
    this.column = column;
    this.group = group;
    this.label = label;
  }

  /**
   * @return the CTDC column name, e.g. {@code isForcedLabour}
   */
  public String column() {
    return column;
  }

  /**
   * @return the group
   */
  public Group group() {
    return group;
  }

  /**
   * @return the English label used in the concatenated column
   */
  public String label() {
    return label;
  }

  /**
   * The flag of a column.
   *
   * @param column a CTDC column name, compared ignoring case
   * @return the flag, or empty
   */
  public static Optional<CtdcFlag> byColumn(String column) {
    return Arrays.stream(values()).filter(f -> f.column.equalsIgnoreCase(column)).findFirst();
  }

  /**
   * The HTCDS forms of exploitation ({@code vic_TypeOfExploitation}) a flag set to 1 counts under
   * in the portal's statistics: the CTDC's broad forms one to one (slavery and similar practices as
   * servitude), forced begging from {@code typeOfLabourBegging}, and both forced labour and sexual
   * exploitation from {@code isSexAndLabour}.
   *
   * @return the forms, empty for flags that are no form of exploitation
   */
  public List<TypeOfExploitation> htcdsForms() {
    return switch (this) {
      case FORCED_LABOUR -> List.of(TypeOfExploitation.ForcedLabour);
      case SEXUAL_EXPLOIT -> List.of(TypeOfExploitation.SexualExploitation);
      case SEX_AND_LABOUR ->
          List.of(TypeOfExploitation.ForcedLabour, TypeOfExploitation.SexualExploitation);
      case OTHER_EXPLOIT -> List.of(TypeOfExploitation.Other);
      case FORCED_MARRIAGE -> List.of(TypeOfExploitation.ForcedMarriage);
      case FORCED_MILITARY -> List.of(TypeOfExploitation.ForcedMilitaryByNonStateActors);
      case ORGAN_REMOVAL -> List.of(TypeOfExploitation.OrganRemoval);
      case SLAVERY_AND_PRACTICES -> List.of(TypeOfExploitation.Servitude);
      case LABOUR_BEGGING -> List.of(TypeOfExploitation.ForcedBegging);
      default -> List.of();
    };
  }
}
