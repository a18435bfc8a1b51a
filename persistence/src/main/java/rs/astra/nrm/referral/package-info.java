/**
 * Referrals of a case between NRM institutions and their lifecycle; a live referral is what lets a
 * recipient institution see a case.
 */
package rs.astra.nrm.referral;
