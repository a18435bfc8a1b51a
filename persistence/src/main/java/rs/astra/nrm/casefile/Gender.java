package rs.astra.nrm.casefile;

/**
 * Gender of a person (HTCDS {@code prs_Gender}).
 *
 * <p>Constant names are the HTCDS 2.0 value names, labels the HTCDS English value labels. They are
 * stored by name, so renaming a constant needs a migration.
 */
public enum Gender implements HtcdsPicklistValue {
  /** Feminine. */
  Feminine("Feminine"),

  /** Masculine. */
  Masculine("Masculine"),

  /** Transgender Feminine. */
  TransgenderFeminine("Transgender Feminine"),

  /** Transgender Masculine. */
  TransgenderMasculine("Transgender Masculine"),

  /** Non-Conforming. */
  NonConforming("Non-Conforming"),

  /** Not Specified/Unknown. */
  NonSpecifiedUnknown("Not Specified/Unknown");

  private final String htcdsLabel;

  Gender(String htcdsLabel) {
    this.htcdsLabel = htcdsLabel;
  }

  @Override
  public String htcdsLabel() {
    return htcdsLabel;
  }
}
