import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Database } from '../../../../src/db/database.js';
import { javaCommand } from '../../../../src/neo4j-local/java-tools.js';
import { PROJECT_ROOT, SUITE_ROOT } from '../paths.js';

/** Versions of everything measured: Node, Java, Neo4j, APOC and the npm packages each server runs on. */
export async function collectVersions(db: Database): Promise<Record<string, string>> {
  const neo4j = await db.read('bench-versions', `CALL dbms.components() YIELD name, versions, edition RETURN versions[0] + ' ' + edition AS v`);
  let apoc = 'missing';
  try {
    apoc = stringOf((await db.read('bench-versions', 'RETURN apoc.version() AS v'))[0]?.['v']);
  } catch {
    // reported as missing
  }
  const { stderr } = await promisify(execFile)(javaCommand(), ['-version']);
  const pkg = async (root: string, name: string): Promise<string> => {
    try {
      return (JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'missing';
    }
  };
  return {
    node: process.version,
    java: stderr.split('\n')[0] ?? '',
    neo4j: stringOf(neo4j[0]?.['v']),
    apoc,
    'ours: graphql': await pkg(PROJECT_ROOT, 'graphql'),
    'ours: graphql-yoga': await pkg(PROJECT_ROOT, 'graphql-yoga'),
    'ours: @pothos/core': await pkg(PROJECT_ROOT, '@pothos/core'),
    'ours: neo4j-driver': await pkg(PROJECT_ROOT, 'neo4j-driver'),
    '@neo4j/graphql': await pkg(SUITE_ROOT, '@neo4j/graphql'),
    '@neo4j/graphql: graphql': await pkg(SUITE_ROOT, 'graphql'),
    'raw: neo4j-driver': await pkg(SUITE_ROOT, 'neo4j-driver'),
  };
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : 'unknown';
}
