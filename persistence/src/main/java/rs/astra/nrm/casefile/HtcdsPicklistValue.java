package rs.astra.nrm.casefile;

/**
 * A value of an HTCDS 2.0 picklist. Implemented by enums whose constant names are the HTCDS value
 * names (e.g. {@code SexualExploitation}) and whose {@link #htcdsLabel()} is the HTCDS English
 * value label (e.g. "Sexual exploitation"), as listed in the HTCDS 2.0 field standards.
 */
public interface HtcdsPicklistValue {

  /**
   * Returns the HTCDS value name, which is also the enum constant name.
   *
   * @return the value name, never {@code null}
   */
  String name();

  /**
   * Returns the English label that HTCDS 2.0 gives this value.
   *
   * @return the label, never {@code null}
   */
  String htcdsLabel();
}
