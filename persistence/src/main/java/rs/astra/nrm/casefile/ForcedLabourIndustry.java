package rs.astra.nrm.casefile;

/**
 * Industry of forced labour (HTCDS {@code vic_ForcedLabourIndustry}; ISIC Rev. 4 sections A to U).
 *
 * <p>Constant names are the HTCDS 2.0 value names, labels the HTCDS English value labels. They are
 * stored by name, so renaming a constant needs a migration.
 */
public enum ForcedLabourIndustry implements HtcdsPicklistValue {
  /** Agriculture, forestry and fishing. */
  A_AgricultureForestryAndFishing("Agriculture, forestry and fishing"),

  /** Mining and quarrying. */
  B_MiningAndQuarrying("Mining and quarrying"),

  /** Manufacturing. */
  C_Manufacturing("Manufacturing"),

  /** Electricity, gas, steam and air conditioning supply. */
  D_ElectricityGasSteamAndAirConditioningSupply(
      "Electricity, gas, steam and air conditioning supply"),

  /** Water supply; sewerage, waste management and remediation. */
  E_WaterSupplySewerageWasteManagement("Water supply; sewerage, waste management and remediation"),

  /** Construction. */
  F_Construction("Construction"),

  /** Wholesale and retail trade; repair of motor vehicles and motorcycles. */
  G_WholesaleAndRetailTradeRepairOfMotorVehicles(
      "Wholesale and retail trade; repair of motor vehicles and motorcycles"),

  /** Transportation and storage. */
  H_TransportationAndStorage("Transportation and storage"),

  /** Accommodation and food service activities. */
  I_AccommodationAndFoodServiceActivities("Accommodation and food service activities"),

  /** Information and communication. */
  J_InformationAndCommunication("Information and communication"),

  /** Financial and insurance activities. */
  K_FinancialAndInsuranceActivities("Financial and insurance activities"),

  /** Real estate activities. */
  L_RealEstateActivities("Real estate activities"),

  /** Professional, scientific and technical activities. */
  M_ProfessionalScientificAndTechnicalActivities(
      "Professional, scientific and technical activities"),

  /** Administrative and support service activities. */
  N_AdministrativeAndSupportServiceActivities("Administrative and support service activities"),

  /** Public administration and defence; compulsory social security. */
  O_PublicAdministrationAndDefence("Public administration and defence; compulsory social security"),

  /** Education. */
  P_Education("Education"),

  /** Human health and social work activities. */
  Q_HumanHealthAndSocialWorkActivities("Human health and social work activities"),

  /** Arts, entertainment and recreation. */
  R_ArtsEntertainmentAndRecreation("Arts, entertainment and recreation"),

  /** Other service activities. */
  S_OtherServiceActivities("Other service activities"),

  /**
   * Activities of households as employers; undifferentiated goods- and services- producing
   * activities of households for own use.
   */
  T_ActivitiesOfHouseholdsAsEmployers(
      "Activities of households as employers; undifferentiated goods- and services- producing activities of households for own use"),

  /** Activities of extraterritorial organizations and bodies. */
  U_ActivitiesOfExtraterritorialOrganizations(
      "Activities of extraterritorial organizations and bodies");

  private final String htcdsLabel;

  ForcedLabourIndustry(String htcdsLabel) {
    this.htcdsLabel = htcdsLabel;
  }

  @Override
  public String htcdsLabel() {
    return htcdsLabel;
  }
}
