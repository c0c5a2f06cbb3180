import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, SCHEMA_FILE, SEED_DIRECTORY } from '../../src/bootstrap.js';
import { applySchema } from '../../src/db/apply-schema.js';
import { createDriver, Database } from '../../src/db/database.js';
import { seedFromDirectory } from '../../src/seed/seed-from-directory.js';
import { provideNeo4j } from './neo4j-provider.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string };
  }
}

/** Starts one Neo4j for the whole run, applies the schema and loads the seed graph. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const neo4j = await provideNeo4j(PROJECT_ROOT);
  const db = new Database(createDriver(neo4j.uri, neo4j.user, neo4j.password), { database: 'neo4j', queryTimeoutMs: 300_000 });
  await applySchema(db, SCHEMA_FILE);
  await seedFromDirectory(db, SEED_DIRECTORY);
  const [component] = await db.read('version', 'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition');
  console.log(
    `Integration tests use Neo4j ${String(component?.['version'])} ${String(component?.['edition'])} at ${neo4j.uri} (${neo4j.origin})`,
  );
  await db.close();
  project.provide('neo4j', { uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  return async () => {
    await neo4j.stop();
    if (neo4j.origin === 'local') await rm(join(PROJECT_ROOT, '.neo4j', `test-${process.pid}`), { recursive: true, force: true });
  };
}
