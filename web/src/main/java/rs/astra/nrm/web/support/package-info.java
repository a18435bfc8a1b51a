/**
 * The support sections of the case page: the support plan's services, the safety plan, the centres
 * for social work's assessments and the health institutions' treatment records.
 */
package rs.astra.nrm.web.support;
