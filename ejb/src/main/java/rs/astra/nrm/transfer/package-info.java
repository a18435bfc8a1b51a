/**
 * Transfer of a case to another organisation (issue 19): proposed by the owner on consent or a
 * legal basis, accepted or declined by the receiving organisation; ownership moves on acceptance.
 */
package rs.astra.nrm.transfer;
