// The benchmark's Neo4j: Neo4j Community 5.26 embedded with Bolt on loopback only,
// like neo4j/LocalNeo4j.java, plus what @neo4j/graphql 7 needs and a graph of a
// million relationships wants: APOC core loaded from a plugin folder (its
// procedures allowed unrestricted) and a larger page cache. The product's
// launcher stays plugin-free. Run in source-file mode by bench/suite/src/neo4j/bench-neo4j.ts:
//   java -Xmx4g ... -cp ".neo4j/lib/*" bench/suite/neo4j/BenchNeo4j.java <home> <boltPort> <pluginDir> <pageCacheMiB>
// It prints "READY" once the default database is available and exits when its
// standard input closes, so it never outlives the benchmark that started it.
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class BenchNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: BenchNeo4j <home> <boltPort> <pluginDir> <pageCacheMiB>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    Path plugins = Path.of(args[2]).toAbsolutePath();
    long pageCacheMiB = Long.parseLong(args[3]);
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
        // Exports of the largest graph stream for minutes; API queries set their own, shorter timeouts.
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(30))
        .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
        .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
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
