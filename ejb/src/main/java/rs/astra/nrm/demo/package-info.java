/**
 * Demo mode: the demo organisations, users and the sample HTCDS caseload that the README's run
 * command starts with. Never active unless {@code nrm.demo=true}.
 */
package rs.astra.nrm.demo;
