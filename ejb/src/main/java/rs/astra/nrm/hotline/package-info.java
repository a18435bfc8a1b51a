/**
 * The NGO's SOS hotline as services: recording calls and job-offer checks, the registry of
 * employers and agencies with its name search, the link from a case to the earlier checks of its
 * recruiter, and the hotline statistics. Hotline records belong to the NGO (tenant): every query
 * filters by the viewer's organisation in the database; another organisation sees a call only when
 * it is linked to a case, and then through the case's consent policy (category EXPLOITATION).
 */
package rs.astra.nrm.hotline;
