/*
 * PrimeFaces' own texts in Serbian Cyrillic: what screen readers hear on the tables (sorting,
 * paging, the filters' "Filter"), and calendars. PrimeFaces ships Serbian twice, as "sr" (Latin)
 * and "sr_RS" (Cyrillic), and looks a page's texts up by the Java name of its locale ("sr__#Cyrl"
 * on the portal's Cyrillic pages), falling back to the language alone, "sr", so a Cyrillic page got
 * the Latin texts (trial of session 20). On a page whose locale is in Cyrillic this files the
 * Cyrillic texts under the page's own locale name. It runs at the top of the page's body: after
 * PrimeFaces' head scripts (its settings and its Serbian locale file), before any widget asks for
 * its texts.
 */
(function () {
  var pf = window.PrimeFaces;
  if (!pf || !pf.settings || !pf.locales || !pf.locales.sr_RS) {
    return;
  }
  var locale = String(pf.settings.locale || "");
  if (locale.indexOf("Cyrl") >= 0 && !pf.locales[locale]) {
    pf.locales[locale] = pf.locales.sr_RS;
  }
})();
