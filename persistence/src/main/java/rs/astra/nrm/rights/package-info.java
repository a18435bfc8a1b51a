/**
 * Data-subject rights (issue 21): the register of the requests a person makes about her data — what
 * she asked for, which case, how she was identified, the legal deadline and the answer — kept by
 * the organisation's data protection officer. The register holds no personal data beyond the case
 * link and free-text notes.
 */
package rs.astra.nrm.rights;
