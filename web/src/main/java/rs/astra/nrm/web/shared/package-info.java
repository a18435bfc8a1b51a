/** What every backing bean shares: turning a service's outcome into a message for the user. */
package rs.astra.nrm.web.shared;
