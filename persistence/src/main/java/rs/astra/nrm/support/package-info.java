/**
 * Support for a victim after referral: the support plan's services (HTCDS {@code spl_Type} and the
 * NGO's everyday services), the safety plan, the centre for social work's assessment notes and the
 * health institutions' treatment records. Each record carries the data category the access policy
 * decides on: SOCIAL, or HEALTH for health and medical services and treatment (GDPR Art. 9).
 */
package rs.astra.nrm.support;
