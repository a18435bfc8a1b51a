/**
 * Data-subject rights (issue 21): the register of data-subject requests, kept by the organisation's
 * data protection officer and read by its coordinators, with the legal deadlines and their notice.
 */
package rs.astra.nrm.rights;
