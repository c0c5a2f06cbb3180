import { execFileSync } from 'node:child_process';
import { NEO4J_VERSION } from '../../src/neo4j-local/neo4j-version.js';
import { startLocalNeo4j } from '../../src/neo4j-local/local-neo4j.js';

export interface ProvidedNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Where it came from, for the test log. */
  readonly origin: 'NEO4J_URI' | 'testcontainers' | 'local';
  stop(): Promise<void>;
}

/**
 * The integration tests' Neo4j, in order of preference: NEO4J_URI if set;
 * testcontainers' Neo4j module if a Docker engine answers; otherwise the
 * local Neo4j from Maven Central jars (our machines and CI have no engine).
 */
export async function provideNeo4j(projectRoot: string): Promise<ProvidedNeo4j> {
  const uri = process.env['NEO4J_URI'];
  if (uri) {
    return {
      uri,
      user: process.env['NEO4J_USER'] ?? 'neo4j',
      password: process.env['NEO4J_PASSWORD'] ?? '',
      origin: 'NEO4J_URI',
      stop: async () => {},
    };
  }
  if (dockerEngineAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer(`neo4j:${NEO4J_VERSION}-community`).withPassword('test-password').start();
    return {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      origin: 'testcontainers',
      stop: async () => {
        await container.stop();
      },
    };
  }
  const local = await startLocalNeo4j({ projectRoot, dataDirName: `test-${process.pid}`, boltPort: 0 });
  return { uri: local.uri, user: 'neo4j', password: '', origin: 'local', stop: () => local.stop() };
}

function dockerEngineAnswers(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}
