package rs.astra.nrm.web.shared;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.visit.VisitCallback;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rs.astra.nrm.web.i18n.Messages;

/**
 * Refuses text that the portal must not store, before any component takes its value (declared in
 * {@code faces-config.xml}; runs before "apply request values" of every post): text longer than its
 * field's {@code maxlength} (the browser enforces it, a crafted post does not, and PrimeFaces would
 * silently cut it), control characters such as NUL (only tab and line breaks pass, and those only
 * in multi-line fields), and the bidirectional override and isolate characters U+202A–U+202E and
 * U+2066–U+2069, with which a name or file name can be made to read differently from what it is
 * ("abc" + U+202E + "gpj.exe" shows as "abcexe.jpg"; Unicode Technical Standard #39). Each refusal
 * names the field and, for length, its limit, in the user's language; nothing of the post is
 * applied, so nothing is saved.
 */
public class TextInputGuard implements PhaseListener {

  private static final long serialVersionUID = 1L;

  /** What is wrong with a submitted text, if anything. */
  public enum Problem {
    /** Longer than the field's limit. */
    TOO_LONG,
    /** NUL or another control character, or half of a UTF-16 surrogate pair alone. */
    CONTROL_CHARACTER,
    /** A bidirectional override or isolate character. */
    BIDI_CONTROL
  }

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.APPLY_REQUEST_VALUES;
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    if (!faces.isPostback() || faces.getViewRoot() == null) {
      return;
    }
    Map<String, String[]> submitted = faces.getExternalContext().getRequestParameterValuesMap();
    boolean[] refused = {false};
    Set<String> checked = new HashSet<>();
    VisitCallback guard =
        (context, component) -> {
          if (component instanceof EditableValueHolder) {
            String id = component.getClientId(faces);
            String[] values =
                submitted.containsKey(id) ? submitted.get(id) : submitted.get(id + "_input");
            if (values != null && checked.add(id)) {
              for (String value : values) {
                Optional<Problem> problem =
                    check(value, maxLength(component), isMultiLine(component));
                if (problem.isPresent()) {
                  faces.addMessage(id, message(faces, component, problem.get(), value));
                  refused[0] = true;
                  break;
                }
              }
            }
          }
          return VisitResult.ACCEPT;
        };
    Set<VisitHint> hints = EnumSet.of(VisitHint.SKIP_UNRENDERED);
    PartialViewContext partial = faces.getPartialViewContext();
    if (partial.isAjaxRequest() && !partial.isExecuteAll()) {
      // An Ajax post decodes only the components it executes, each with its whole subtree: those
      // subtrees are checked, not the whole page (a table's paging visited every component of the
      // page, and asked the header's beans, on every click; issue 16, the list under load).
      faces
          .getViewRoot()
          .visitTree(
              VisitContext.createVisitContext(faces, partial.getExecuteIds(), hints),
              (context, executed) -> {
                executed.visitTree(VisitContext.createVisitContext(faces, null, hints), guard);
                return VisitResult.REJECT;
              });
    } else {
      faces.getViewRoot().visitTree(VisitContext.createVisitContext(faces, null, hints), guard);
    }
    if (refused[0]) {
      faces.validationFailed();
      faces.renderResponse();
    }
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // all checks run before the phase
  }

  /**
   * Checks one submitted text.
   *
   * @param value the text as the browser sent it
   * @param maxLength the field's limit in UTF-16 code units (as HTML's {@code maxlength} counts),
   *     or 0 for none
   * @param multiLine whether line breaks and tabs are allowed
   * @return the first problem, or empty when the text may be taken
   */
  public static Optional<Problem> check(String value, int maxLength, boolean multiLine) {
    if (maxLength > 0 && value.length() > maxLength) {
      return Optional.of(Problem.TOO_LONG);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        // Half of a UTF-16 pair ("\ud800" in JSON) is no character: UTF-8 cannot store it, and
        // the database would keep "?" in its place (trial of session 19).
        if (Character.isHighSurrogate(c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of(Problem.CONTROL_CHARACTER);
      }
      if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        return Optional.of(Problem.BIDI_CONTROL);
      }
      boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
      if ((Character.isISOControl(c) && !(multiLine && lineBreakOrTab))
          || (!multiLine && lineBreakOrTab)) {
        return Optional.of(Problem.CONTROL_CHARACTER);
      }
    }
    return Optional.empty();
  }

  private static int maxLength(UIComponent component) {
    Object max = component.getAttributes().get("maxlength");
    if (max instanceof Number n) {
      return Math.max(0, n.intValue());
    }
    if (max instanceof String s && !s.isBlank()) {
      try {
        return Math.max(0, Integer.parseInt(s.trim()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static boolean isMultiLine(UIComponent component) {
    return component.getFamily() != null
        && component.getRendererType() != null
        && component.getRendererType().toLowerCase(java.util.Locale.ROOT).contains("textarea");
  }

  private static FacesMessage message(
      FacesContext faces, UIComponent component, Problem problem, String value) {
    Messages messages = jakarta.enterprise.inject.spi.CDI.current().select(Messages.class).get();
    Object label = component.getAttributes().get("label");
    String field =
        label == null || label.toString().isBlank()
            ? messages.get("input.thisField")
            : label.toString();
    String text =
        switch (problem) {
          case TOO_LONG ->
              messages.get("input.tooLong", field, maxLength(component), value.length());
          case CONTROL_CHARACTER -> messages.get("input.controlCharacter", field);
          case BIDI_CONTROL -> messages.get("input.bidiControl", field);
        };
    return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
  }
}
