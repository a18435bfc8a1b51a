/** Sending, answering and listing referrals. */
package rs.astra.nrm.web.referral;
