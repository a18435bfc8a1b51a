package rs.astra.nrm.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How Faces keeps a session's views: serialised for a cluster's data grid, as objects on a single
 * instance (issue 16, the list under load; issue 20, the grid's session size).
 */
class ViewStateStorageTest {

  @Test
  void aSingleInstanceKeepsItsViewsAsObjectsAndAMemberSerialisesThem() {
    assertEquals("false", settingWith("true"));
    assertEquals("false", settingWith("TRUE"));
    assertEquals("true", settingWith(null), "a member of a cluster by default");
    assertEquals("true", settingWith("false"));
    assertEquals("true", settingWith("yes"), "only true says alone");
  }

  @Test
  void theDescriptorLeavesTheSettingToTheInitializerThatTheWarRegisters() throws Exception {
    // A context parameter of web.xml would win over the initializer's, on every instance.
    String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
    assertFalse(
        webXml.replaceAll("(?s)<!--.*?-->", "").contains(ViewStateStorage.SERIALIZE_SERVER_STATE),
        "web.xml does not set " + ViewStateStorage.SERIALIZE_SERVER_STATE);
    String services =
        Files.readString(
            Path.of(
                "src/main/resources/META-INF/services/jakarta.servlet.ServletContainerInitializer"));
    assertTrue(
        services.lines().anyMatch(ViewStateStorage.class.getName()::equals),
        "registered: " + services);
  }

  /** What the initializer sets in a servlet context, the system property given that value. */
  private static String settingWith(String singleInstance) {
    Map<String, String> parameters = new HashMap<>();
    ServletContext context =
        (ServletContext)
            Proxy.newProxyInstance(
                ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setInitParameter")) {
                    return parameters.putIfAbsent((String) args[0], (String) args[1]) == null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    String before = System.getProperty(ViewStateStorage.SINGLE_INSTANCE);
    try {
      if (singleInstance == null) {
        System.clearProperty(ViewStateStorage.SINGLE_INSTANCE);
      } else {
        System.setProperty(ViewStateStorage.SINGLE_INSTANCE, singleInstance);
      }
      new ViewStateStorage().onStartup(Set.of(), context);
    } finally {
      if (before == null) {
        System.clearProperty(ViewStateStorage.SINGLE_INSTANCE);
      } else {
        System.setProperty(ViewStateStorage.SINGLE_INSTANCE, before);
      }
    }
    return parameters.get(ViewStateStorage.SERIALIZE_SERVER_STATE);
  }
}
