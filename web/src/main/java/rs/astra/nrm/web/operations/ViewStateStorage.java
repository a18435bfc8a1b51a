package rs.astra.nrm.web.operations;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Decides how Faces keeps the views of a session, before Faces reads its settings: serialised and
 * compressed on a member of a cluster, as objects on a single instance.
 *
 * <p>A member of a cluster stores every session in Payara's data grid after each request (issue
 * 20): its views kept as compressed bytes make that session smaller and cheaper to store, so Faces
 * serialises each view once, when it saves it ({@code jakarta.faces.SERIALIZE_SERVER_STATE=true}).
 * A single instance keeps its sessions in memory (started with {@code --nocluster} and {@code
 * web/src/main/payara/single-instance.asadmin}): nothing stores them, and serialising, compressing
 * and reading back a view on every request cost a tenth of the server's CPU time per list request
 * (docs/benchmarks.md, issue 16, session 19). The run command, {@code docker/start-portal.sh} and
 * the benchmark harness start a single instance with the JVM option {@code -D}{@value
 * #SINGLE_INSTANCE}{@code =true}.
 *
 * <p>Either way every view stays {@code Serializable}: a single instance that stored its sessions
 * after all would serialise its views with them, only less compactly.
 */
public class ViewStateStorage implements ServletContainerInitializer {

  /** The system property that says this instance runs alone ({@code true}); absent: a member. */
  public static final String SINGLE_INSTANCE = "nrm.singleInstance";

  /** The Faces setting decided here (Jakarta Faces 4.1, {@code StateManager}). */
  static final String SERIALIZE_SERVER_STATE = "jakarta.faces.SERIALIZE_SERVER_STATE";

  /**
   * Sets {@value #SERIALIZE_SERVER_STATE} from {@link #SINGLE_INSTANCE}. Runs before any listener
   * of the portal, so before Faces reads its context parameters; a context parameter of {@code
   * web.xml} would win, and there is none (ViewStateStorageTest).
   *
   * @param classes not used
   * @param context the portal's servlet context
   */
  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    context.setInitParameter(
        SERIALIZE_SERVER_STATE,
        Boolean.toString(serialiseViews(System.getProperty(SINGLE_INSTANCE))));
  }

  /**
   * @param singleInstance the value of {@value #SINGLE_INSTANCE}, may be {@code null}
   * @return whether Faces serialises the views it keeps: not when the value is {@code true} (in any
   *     letter case), else yes
   */
  static boolean serialiseViews(String singleInstance) {
    return !Boolean.parseBoolean(singleInstance);
  }
}
