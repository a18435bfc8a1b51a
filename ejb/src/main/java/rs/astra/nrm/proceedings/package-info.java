/** Reading and recording the criminal-proceedings track through the access policy. */
package rs.astra.nrm.proceedings;
