/** The user's language and the texts of the user interface. */
package rs.astra.nrm.web.i18n;
