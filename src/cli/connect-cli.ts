import { connect, PROJECT_ROOT, type Runtime } from '../bootstrap.js';
import type { Config } from '../config.js';
import { localNeo4jHome } from '../neo4j-local/local-neo4j.js';
import { findRunningNeo4j } from '../neo4j-local/running-neo4j.js';

/**
 * How a CLI finds its Neo4j: NEO4J_URI if set; else the local Neo4j already
 * running on the data folder (started by `npm start` or another CLI, found
 * through its record in `.neo4j/<NEO4J_LOCAL_DATA_DIR>/running.json`), which
 * it uses and leaves running; else it starts the local Neo4j itself and stops
 * it when done.
 */
export async function connectForCli(config: Config, log: (line: string) => void): Promise<Runtime> {
  if (config.neo4jUri === undefined) {
    const running = await findRunningNeo4j(localNeo4jHome(PROJECT_ROOT, config.localDataDir));
    if (running) {
      log(`Using the local Neo4j already running at ${running.uri} (pid ${running.pid}, started by process ${running.ownerPid}).`);
      return connect({ ...config, neo4jUri: running.uri }, log);
    }
  }
  return connect(config, log);
}
