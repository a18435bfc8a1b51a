/**
 * Transfer of a case from its owning organisation to another (issue 19): a proposal with a reason
 * and a basis (the person's consent or a legal basis), answered by the receiving organisation.
 */
package rs.astra.nrm.transfer;
