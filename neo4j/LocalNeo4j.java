// Starts Neo4j Community embedded with its Bolt connector on loopback only.
// Run in source-file mode by src/neo4j-local/local-neo4j.ts:
//   java -cp ".neo4j/lib/*" neo4j/LocalNeo4j.java <home> <boltPort>
// It prints "READY" once the default database is available, and shuts down
// when its standard input closes, so it never outlives the Node process
// that started it (even when that process is killed with SIGKILL).
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class LocalNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LocalNeo4j <home> <boltPort>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
        // Without this each database reserves a 256 MiB transaction log up front (about 0.5 GB per data folder).
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    System.out.println("READY bolt://127.0.0.1:" + port);
    System.out.flush();
    // EOF on stdin means the parent is gone (or asked us to stop): exit, which runs the hook.
    while (System.in.read() != -1) {
      // ignore input
    }
    System.exit(0);
  }
}
