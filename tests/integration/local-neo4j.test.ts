import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { PROJECT_ROOT, SCHEMA_FILE } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { applySchema } from '../../src/db/apply-schema.js';
import { createDriver, Database } from '../../src/db/database.js';
import { findFreePort, startLocalNeo4j } from '../../src/neo4j-local/local-neo4j.js';
import { isAlive, waitFor } from '../support/processes.js';

describe('the local Neo4j and readiness', () => {
  it('reports 503 while Neo4j is down and 200 once it is up, without restarting the API', async () => {
    const port = await findFreePort();
    const dataDirName = `test-readyz-${process.pid}`;
    const db = new Database(createDriver(`bolt://127.0.0.1:${port}`, 'neo4j', ''), { database: 'neo4j', queryTimeoutMs: 5000 });
    const app = createApp(db, loadConfig({ LOG_LEVEL: 'silent' }));
    const readyz = async (): Promise<{ status: number; body: { status: string; reason?: string } }> => {
      const res = await app.fetch('http://localhost/readyz');
      return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
    };
    try {
      const down = await readyz();
      expect(down.status).toBe(503);
      expect(down.body.reason).toMatch(/Neo4j/);
      expect((await app.fetch('http://localhost/healthz')).status).toBe(200);

      const neo4j = await startLocalNeo4j({ projectRoot: PROJECT_ROOT, dataDirName, boltPort: port });
      // Apply the schema through a fresh driver: the app's own database handle is
      // still in its "unavailable" state until its next probe, which is the point.
      const admin = new Database(createDriver(neo4j.uri, 'neo4j', ''), { database: 'neo4j', queryTimeoutMs: 30_000 });
      await applySchema(admin, SCHEMA_FILE);
      await admin.close();
      expect(await waitFor(async () => (await readyz()).status === 200, 30_000)).toBe(true);

      const pid = neo4j.pid!;
      await neo4j.stop();
      expect(isAlive(pid)).toBe(false);
      expect(await waitFor(async () => (await readyz()).status === 503, 30_000)).toBe(true);
    } finally {
      await db.close();
      await rm(join(PROJECT_ROOT, '.neo4j', dataDirName), { recursive: true, force: true });
    }
  }, 240_000);

  it('leaves no Java process behind when its parent is killed', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'tests/support/local-neo4j-child.ts')], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const javaPid = await new Promise<number>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /^JAVA_PID (\d+)/.exec(line);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => { reject(new Error(`child exited early with ${String(code)}`)); });
    });
    expect(isAlive(javaPid)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitFor(() => !isAlive(javaPid), 30_000)).toBe(true);
    await rm(join(PROJECT_ROOT, '.neo4j', `test-child-${String(child.pid)}`), { recursive: true, force: true });
  }, 240_000);
});
