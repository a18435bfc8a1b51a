/** The referral lifecycle between NRM institutions and the recipient's inbox. */
package rs.astra.nrm.referral;
