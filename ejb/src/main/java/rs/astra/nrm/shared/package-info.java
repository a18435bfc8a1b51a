/** The few exceptions every bounded context shares: concurrent update and invalid request. */
package rs.astra.nrm.shared;
