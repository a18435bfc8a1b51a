package rs.astra.nrm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A trial's finding (2026-12-06): {@code /openapi} with {@code Accept: application/yaml} answered
 * 406 with an HTML page; the filter hands Payara's service {@code Accept: text/plain} (its YAML)
 * and types the answer {@code application/yaml}.
 */
class OpenApiYamlFilterTest {

  @Test
  void aCallerAskingForYamlGetsPayarasYamlTypedAsYaml() throws Exception {
    assertTrue(OpenApiYamlFilter.wantsYaml("application/yaml"));
    assertTrue(OpenApiYamlFilter.wantsYaml("text/yaml;q=0.9, application/x-yaml"));
    assertFalse(OpenApiYamlFilter.wantsYaml(null));
    assertFalse(OpenApiYamlFilter.wantsYaml("application/json"));
    assertFalse(OpenApiYamlFilter.wantsYaml("application/yaml, application/json;q=0.5"));
    assertFalse(OpenApiYamlFilter.wantsYaml("text/plain"));
    assertFalse(OpenApiYamlFilter.wantsYaml("*/*"));

    HttpServletRequest asked =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getHeader" -> "Accept".equals(args[0]) ? "application/yaml" : null;
                      case "getHeaders" ->
                          Collections.enumeration(
                              "Accept".equals(args[0]) ? List.of("application/yaml") : List.of());
                      default -> null;
                    });
    List<String> types = new ArrayList<>();
    HttpServletResponse answer =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setContentType")) {
                    types.add((String) args[0]);
                  } else if (method.getName().equals("setHeader")) {
                    types.add(args[0] + ": " + args[1]);
                  }
                  return null;
                });
    List<String> seen = new ArrayList<>();
    new OpenApiYamlFilter()
        .doFilter(
            asked,
            answer,
            (request, response) -> {
              seen.add(((HttpServletRequest) request).getHeader("Accept"));
              seen.add(
                  Collections.list(((HttpServletRequest) request).getHeaders("accept")).toString());
              ((HttpServletResponse) response).setContentType("text/plain;charset=UTF-8");
              ((HttpServletResponse) response).setHeader("Content-Type", "text/plain");
            });
    assertEquals(List.of("text/plain", "[text/plain]"), seen, "Payara's service is asked for YAML");
    assertEquals(
        List.of("application/yaml;charset=UTF-8", "Content-Type: application/yaml"),
        types,
        "the answer is typed as the caller asked");
  }
}
