// Started by tests/integration/local-neo4j.test.ts as a separate process, which
// the test then kills with SIGKILL to prove the JVM does not outlive its parent.
import { PROJECT_ROOT } from '../../src/bootstrap.js';
import { startLocalNeo4j } from '../../src/neo4j-local/local-neo4j.js';

const neo4j = await startLocalNeo4j({ projectRoot: PROJECT_ROOT, dataDirName: `test-child-${process.pid}`, boltPort: 0 });
console.log(`JAVA_PID ${String(neo4j.pid)}`);
setInterval(() => {}, 60_000);
