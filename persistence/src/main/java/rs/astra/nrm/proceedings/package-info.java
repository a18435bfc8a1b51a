/**
 * The criminal-proceedings track of a case (data category LEGAL_PROCEEDINGS): complaint,
 * investigation, indictment, hearings, verdict, the victim's status and compensation claim.
 */
package rs.astra.nrm.proceedings;
