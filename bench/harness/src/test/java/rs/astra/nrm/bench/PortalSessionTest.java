package rs.astra.nrm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalSessionTest {

  @Test
  void aFormSubmitsItsInputsAndSelectedOptionsButNotItsButtons() {
    String html =
        "<form id=\"other\"><input name=\"x\" value=\"no\"/></form>"
            + "<form id=\"casesForm\" method=\"post\"><input type=\"hidden\" name=\"casesForm\" value=\"casesForm\" />"
            + "<input id=\"f\" name=\"casesForm:cases:codeColumn:filter\" class=\"ui-column-filter\" value=\"NRM&amp;1\">"
            + "<select id=\"s\" name=\"casesForm:cases:j_idt9:j_idt10_input\"><option value=\"\">All</option><option value=\"Active\" selected=\"selected\">A</option></select>"
            + "<button name=\"casesForm:go\" type=\"submit\"></button><input type=\"submit\" name=\"casesForm:send\" value=\"Send\"/>"
            + "<input type=\"checkbox\" name=\"casesForm:off\"/></form>";
    assertEquals(
        Map.of(
            "casesForm",
            "casesForm",
            "casesForm:cases:codeColumn:filter",
            "NRM&1",
            "casesForm:cases:j_idt9:j_idt10_input",
            "Active"),
        PortalSession.formFields(html, "casesForm"));
  }

  @Test
  void anUnexpectedAnswerIsDescribedByItsTextWithoutMarkupOrScripts() {
    String answer =
        "<?xml version='1.0' encoding='UTF-8'?><partial-response id=\"j_id1\"><changes>"
            + "<update id=\"casesForm:messages\"><![CDATA[<div class=\"ui-messages\">"
            + "<span>Baza   podataka nije dostupna</span></div>"
            + "<script>PrimeFaces.cw('x')</script>]]></update></changes></partial-response>";
    assertEquals("Baza podataka nije dostupna", PortalSession.glimpse(answer));
    String longAnswer = "<p>" + "x".repeat(500) + "</p>";
    assertEquals(241, PortalSession.glimpse(longAnswer).length(), "240 characters and an ellipsis");
  }

  @Test
  void anImportThatWaitsForAChoiceIsAnsweredWithTheImportAsNewButtonOnItsNewViewState() {
    String waiting =
        "<?xml version='1.0' encoding='UTF-8'?><partial-response><changes>"
            + "<update id=\"importForm:messages\"><![CDATA[<div class=\"ui-messages-warn\">"
            + "Još ništa nije uvezeno: 34 reda</div>]]></update>"
            + "<update id=\"importForm:known\"><![CDATA[<div id=\"importForm:known\"><div>"
            + "<div id=\"importForm:knownRows\" class=\"ui-datatable\"></div>"
            + "<button id=\"importForm:importKnownAsNew\"></button></div></div>]]></update>"
            + "<update id=\"j_id1:jakarta.faces.ViewState:0\"><![CDATA[-59:53]]></update>"
            + "</changes></partial-response>";
    Map<String, String> choice = PortalSession.importKnownAsNew(waiting, "bm9uY2U=");
    assertEquals("importForm:importKnownAsNew", choice.get("jakarta.faces.source"));
    assertEquals("importForm:importKnownAsNew", choice.get("importForm:importKnownAsNew"));
    assertEquals("-59:53", choice.get("jakarta.faces.ViewState"), "the upload answer's state");
    assertEquals("bm9uY2U=", choice.get("primefaces.nonce"));
    assertEquals("true", choice.get("jakarta.faces.partial.ajax"));

    // Done (or refused) at once: the choice's buttons stay in the view, hidden, without the table.
    String done =
        waiting
            .replace("<div id=\"importForm:knownRows\" class=\"ui-datatable\"></div>", "")
            .replace("ui-messages-warn", "ui-messages-info");
    assertNull(PortalSession.importKnownAsNew(done, null));
  }
}
