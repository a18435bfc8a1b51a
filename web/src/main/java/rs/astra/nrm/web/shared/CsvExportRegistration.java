package rs.astra.nrm.web.shared;

import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.component.export.DataExporters;

/**
 * Puts {@link FormulaSafeCsvExporter} in place of PrimeFaces' own CSV exporter for data tables, so
 * that every {@code p:dataExporter type="csv"} of the portal, present or future, writes
 * formula-like text as text. PrimeFaces keeps its exporters in its application context, which
 * cannot be built while the application starts (it reads the session cookie settings, which a Faces
 * start-up listener may not); this listener (declared in faces-config.xml) therefore registers the
 * exporter at the start of the first request, before any page can run an export, and does nothing
 * after.
 */
public class CsvExportRegistration implements PhaseListener {

  private static final long serialVersionUID = 1L;

  private static volatile boolean registered;

  @Override
  public void beforePhase(PhaseEvent event) {
    if (!registered) {
      synchronized (CsvExportRegistration.class) {
        if (!registered) {
          DataExporters.register(DataTable.class, FormulaSafeCsvExporter.class, "csv");
          registered = true;
        }
      }
    }
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // registered before the first phase
  }

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }
}
