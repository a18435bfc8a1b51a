package rs.astra.nrm.proceedings;

/** The offence of an indictment. */
public enum Offence {
  /** Criminal Code of Serbia art. 388: trafficking in human beings (trgovina ljudima). */
  ART_388_TRAFFICKING,
  /** Another offence (named in the note). */
  OTHER
}
