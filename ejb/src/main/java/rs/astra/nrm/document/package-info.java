/**
 * Case documents (issue 17), the parts that touch neither the access policy nor the pages yet: the
 * encryption of their contents at rest ({@link rs.astra.nrm.document.MasterKey}, {@link
 * rs.astra.nrm.document.DocumentCipher}, {@link rs.astra.nrm.document.DocumentContentStore}; GDPR
 * Art. 32) and the checks every uploaded file passes before anything is stored ({@link
 * rs.astra.nrm.document.UploadChecks}, {@link rs.astra.nrm.document.DocumentRefusedException}).
 */
package rs.astra.nrm.document;
