package rs.astra.nrm.web.shared;

import org.primefaces.component.datatable.export.DataTableCSVExporter;
import rs.astra.nrm.exchange.SpreadsheetText;

/**
 * PrimeFaces' CSV exporter for data tables, with every data cell passed through {@link
 * SpreadsheetText#neutralise} before it is quoted: a name or an organisation that starts with
 * {@code =}, {@code +}, {@code -} or {@code @} is written as text, not as a formula a spreadsheet
 * program would run (CSV injection, CWE-1236). Header and footer cells do not pass through it
 * (PrimeFaces 15 writes them directly); they are the portal's own texts from its message bundles.
 * It replaces PrimeFaces' CSV exporter for every data table of the portal ({@link
 * CsvExportRegistration}). XLSX needs no such exporter: PrimeFaces writes its text cells as
 * strings, which are never evaluated.
 */
public class FormulaSafeCsvExporter extends DataTableCSVExporter {

  /** A new exporter, for one export. */
  public FormulaSafeCsvExporter() {
    super();
  }

  @Override
  protected String escapeQuotes(String value) {
    return super.escapeQuotes(SpreadsheetText.neutralise(value));
  }
}
