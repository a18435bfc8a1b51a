package rs.astra.nrm.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import org.junit.jupiter.api.Test;
import org.primefaces.csp.CspException;

/** A request from a page that is gone is answered by the page again, at the same address. */
class PortalExceptionHandlerFactoryTest {

  @Test
  void expiredViewsAndMissingNoncesAreStaleViewsWhereverTheyAreInTheChain() {
    assertTrue(
        PortalExceptionHandlerFactory.isStaleView(
            new ViewExpiredException("gone", "/app/cases.xhtml")));
    assertTrue(
        PortalExceptionHandlerFactory.isStaleView(
            new FacesException(new CspException("Missing CSP nonce"))));
    assertTrue(
        PortalExceptionHandlerFactory.isStaleView(
            new FacesException(
                new jakarta.servlet.ServletException(
                    "The request content-type is not a multipart/form-data"))),
        "a file form posted without a file body");
    assertFalse(
        PortalExceptionHandlerFactory.isStaleView(new FacesException(new IllegalStateException())));
  }

  @Test
  void thePageIsDrawnAgainAtItsAddressWithTheNotice() {
    assertEquals(
        "/app/case.xhtml?id=31&reloaded=true",
        PortalExceptionHandlerFactory.reloadAddress("", "/app/case.xhtml", "id=31"));
    assertEquals(
        "/nrm/app/cases.xhtml?reloaded=true",
        PortalExceptionHandlerFactory.reloadAddress("/nrm", "/app/cases.xhtml", null));
    assertEquals(
        "/app/cases.xhtml?reloaded=true",
        PortalExceptionHandlerFactory.reloadAddress(
            "", "/app/cases.xhtml", "reloaded=true&jakarta.faces.ViewState=x"),
        "no repeated notice, no view state");
    assertEquals(
        "/login.xhtml?expired=true",
        PortalExceptionHandlerFactory.reloadAddress(
            "", "/login.xhtml", "jakarta.faces.ViewState=x"));
  }
}
