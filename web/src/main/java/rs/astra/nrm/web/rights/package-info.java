/**
 * The pages of data-subject rights (issue 21): the register of requests (the data protection
 * officer keeps it, coordinators read it) and the home page's tasks for requests near their due
 * date.
 */
package rs.astra.nrm.web.rights;
