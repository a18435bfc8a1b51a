/**
 * Facts of Serbian law and time that every bounded context states the same way, said once: the
 * portal's time zone (Europe/Belgrade for every calendar day, UTC for instants), the age of
 * majority (18) and the working days (public holidays of the Law on State and Other Holidays); and
 * the match key of a name ({@link rs.astra.nrm.shared.NameMatchKey}), by which the hotline's
 * registry and the case list both find a name however it was written.
 */
package rs.astra.nrm.shared;
