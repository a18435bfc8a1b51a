package rs.astra.nrm.web.operations;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Keeps the record a page shows in the address its forms post to: a page opened as {@code
 * case.xhtml?id=42} posts to {@code case.xhtml?id=42}, not to {@code case.xhtml}. So a post whose
 * view is gone (an old tab, a view that expired) is answered with the same record drawn again
 * ({@code PortalExceptionHandlerFactory} keeps the query string), not with "case not found". Only
 * the view parameters that name a record ({@value #NAMES}) are added, and only when they have a
 * value; registered in {@code faces-config.xml}.
 */
public class RecordIdInActionUrl extends ViewHandlerWrapper {

  /** The view parameters that name the record a page shows. */
  static final String NAMES = "id, entry";

  private static final Set<String> RECORD_PARAMETERS = Set.of("id", "entry");

  /**
   * Wraps the handler configured before this one.
   *
   * @param wrapped the implementation's view handler
   */
  public RecordIdInActionUrl(ViewHandler wrapped) {
    super(wrapped);
  }

  /**
   * The action address of a view, with the record it shows.
   *
   * @param context the request
   * @param viewId the view
   * @return the implementation's address, with {@code ?id=…} (or {@code &id=…}) of the current
   *     view's record parameters that have a value
   */
  @Override
  public String getActionURL(FacesContext context, String viewId) {
    String url = super.getActionURL(context, viewId);
    UIViewRoot root = context.getViewRoot();
    if (root == null || viewId == null || !viewId.equals(root.getViewId())) {
      return url;
    }
    StringBuilder query = new StringBuilder();
    for (UIViewParameter p : ViewMetadata.getViewParameters(root)) {
      if (!RECORD_PARAMETERS.contains(p.getName())) {
        continue;
      }
      String value = p.getStringValue(context);
      if (value != null && !value.isBlank()) {
        query
            .append(query.isEmpty() ? "" : "&")
            .append(p.getName())
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    if (query.isEmpty()) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + query;
  }
}
