package rs.astra.nrm.web.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Everything a session- or view-scoped bean keeps is {@link Serializable} (issue 20): the session,
 * with its Faces views, is written to Payara's data grid after each request and read on another
 * instance after a failover; one field that cannot be written (a list of rows of a record that is
 * not Serializable) loses the user's session there. Follows the declared types of the beans' own
 * fields, their type arguments (lists, maps, optionals) and the components of the portal's records;
 * injected fields are container proxies and are skipped.
 */
class SessionStateSerializableTest {

  @Test
  void sessionAndViewScopedBeansKeepOnlySerializableState() {
    List<String> problems = new ArrayList<>();
    int beans = 0;
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("rs.astra.nrm.web")) {
      Class<?> bean = c.reflect();
      if (!bean.isAnnotationPresent(ViewScoped.class)
          && !bean.isAnnotationPresent(SessionScoped.class)) {
        continue;
      }
      beans++;
      if (!Serializable.class.isAssignableFrom(bean)) {
        problems.add(bean.getName() + " is not Serializable");
      }
      for (Class<?> k = bean; k != null && k != Object.class; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          int m = f.getModifiers();
          if (Modifier.isStatic(m)
              || Modifier.isTransient(m)
              || f.isAnnotationPresent(Inject.class)) {
            continue;
          }
          check(
              f.getGenericType(),
              bean.getSimpleName() + "." + f.getName(),
              problems,
              new HashSet<>());
        }
      }
    }
    assertEquals(List.of(), problems, "state that cannot go into a replicated session");
    org.junit.jupiter.api.Assertions.assertTrue(beans > 10, "the beans were found: " + beans);
  }

  private static void check(Type type, String where, List<String> problems, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType p) {
      check(p.getRawType(), where, problems, seen);
      for (Type a : p.getActualTypeArguments()) {
        check(a, where + "<>", problems, seen);
      }
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(b, where, problems, seen);
      }
    } else if (type instanceof Class<?> c) {
      if (c.isPrimitive() || c.isEnum() || c.isInterface() && !c.getName().startsWith("rs.astra")) {
        return;
      }
      if (c.isArray()) {
        check(c.getComponentType(), where + "[]", problems, seen);
        return;
      }
      if (c == Object.class) {
        return;
      }
      if (!Serializable.class.isAssignableFrom(c)) {
        problems.add(where + ": " + c.getName() + " is not Serializable");
        return;
      }
      if (c.isRecord() && c.getName().startsWith("rs.astra.nrm.")) {
        for (RecordComponent rc : c.getRecordComponents()) {
          check(rc.getGenericType(), where + "." + rc.getName(), problems, seen);
        }
      }
    }
  }
}
