/**
 * Reading and recording a case's support plan, safety plan, assessment notes and treatment records
 * through the access policy, each under its data category (SOCIAL or HEALTH).
 */
package rs.astra.nrm.support;
