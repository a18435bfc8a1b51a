package rs.astra.nrm.casefile;

/**
 * How the victim was recruited (HTCDS {@code vic_MethodOfRecruitment}, multi-select).
 *
 * <p>Constant names are the HTCDS 2.0 value names, labels the HTCDS English value labels. They are
 * stored by name, so renaming a constant needs a migration.
 */
public enum MethodOfRecruitment implements HtcdsPicklistValue {
  /** At a place of business. */
  AtAPlaceOfBusiness("At a place of business"),

  /** At an educational institution. */
  AtAnEducationalInstitution("At an educational institution"),

  /** At work. */
  AtWork("At work"),

  /** Through online social networks. */
  ThroughOnlineSocialNetworks("Through online social networks"),

  /** Through an online advertisement. */
  ThroughAnOnlineAdvertisement("Through an online advertisement"),

  /** Through a television advert. */
  ThroughATelevisionAdvert("Through a television advert"),

  /** Through a newspaper advert. */
  ThroughANewspaperAdvert("Through a newspaper advert"),

  /** Through family or family events. */
  ThroughFamilyOrFamilyEvents("Through family or family events"),

  /** Through friends or social events. */
  ThroughFriendsOrSocialEvents("Through friends or social events"),

  /** Other. */
  Other("Other");

  private final String htcdsLabel;

  MethodOfRecruitment(String htcdsLabel) {
    this.htcdsLabel = htcdsLabel;
  }

  @Override
  public String htcdsLabel() {
    return htcdsLabel;
  }
}
