import com.sun.tools.attach.VirtualMachine;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Prints the entries and the bytes of every Hazelcast map of a running Payara Micro (started with
 * -Dhazelcast.jmx=true), one line a map: {@code map <name> entries <n> bytes <owned> backup <b>}.
 * The bytes are Hazelcast's own memory cost of the map's serialised entries (keys and values in
 * its binary format), i.e. what the grid holds and sends to the backup member. Used by
 * .ci/cluster-failover.sh to measure the size of a user's session (issue 20).
 *
 * <p>Usage: {@code java .ci/HazelcastMapSizes.java <pid>}
 */
public class HazelcastMapSizes {
  public static void main(String[] args) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    String address = vm.startLocalManagementAgent();
    vm.detach();
    try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
      MBeanServerConnection s = c.getMBeanServerConnection();
      Set<ObjectName> maps = s.queryNames(new ObjectName("com.hazelcast:type=IMap,*"), null);
      for (ObjectName m : maps) {
        System.out.println(
            "map " + m.getKeyProperty("name")
                + " entries " + s.getAttribute(m, "localOwnedEntryCount")
                + " bytes " + s.getAttribute(m, "localOwnedEntryMemoryCost")
                + " backup " + s.getAttribute(m, "localBackupEntryMemoryCost"));
      }
    }
  }
}
