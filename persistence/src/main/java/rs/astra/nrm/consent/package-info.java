/**
 * Consent and its vocabulary: data categories, purposes, actions and bases of access, and the
 * emergency (break-glass) access. What the data subject agreed to share, with whom, for what, until
 * when.
 */
package rs.astra.nrm.consent;
