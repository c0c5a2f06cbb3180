import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureNeo4jJars } from '../../../../src/neo4j-local/fetch-jars.js';
import { assertJava, assertMaven, javaCommand, runTool } from '../../../../src/neo4j-local/java-tools.js';
import { findFreePort } from '../../../../src/neo4j-local/local-neo4j.js';
import { BENCH_OUT, PROJECT_ROOT, SUITE_ROOT } from '../paths.js';

/** Where APOC core and its two dependencies are copied (git-ignored). */
export const PLUGIN_DIR = join(BENCH_OUT, 'plugins');
export const APOC_VERSION = '5.26.19';

export interface BenchNeo4jOptions {
  readonly home: string;
  readonly heapMiB: number;
  readonly pageCacheMiB: number;
  readonly log: (line: string) => void;
}

export interface BenchNeo4j {
  readonly uri: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** Copies APOC core from Maven Central into bench/out/plugins, once. */
export async function ensureApoc(log: (line: string) => void): Promise<void> {
  if ([`apoc-core-${APOC_VERSION}.jar`, `apoc-common-${APOC_VERSION}.jar`].every((jar) => existsSync(join(PLUGIN_DIR, jar)))) return;
  await assertMaven();
  log(`Fetching APOC core ${APOC_VERSION} from Maven Central (once)...`);
  await runTool(
    'mvn',
    ['-q', '-B', '-f', join(SUITE_ROOT, 'neo4j', 'apoc-pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${PLUGIN_DIR}`, '-DincludeScope=runtime'],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  log(`APOC ready: ${(await readdir(PLUGIN_DIR)).join(', ')}`);
}

/**
 * Starts the benchmark's Neo4j (bench/suite/neo4j/BenchNeo4j.java) on a free
 * loopback port with the product's jars and APOC as a plugin, and resolves once
 * Bolt answers. It exits when our end of its stdin closes.
 */
export async function startBenchNeo4j(options: BenchNeo4jOptions): Promise<BenchNeo4j> {
  await assertJava();
  const lib = await ensureNeo4jJars(PROJECT_ROOT, options.log);
  await ensureApoc(options.log);
  await mkdir(options.home, { recursive: true });
  const port = await findFreePort();
  const flags = [
    `-Xms${Math.min(1024, options.heapMiB)}m`,
    `-Xmx${options.heapMiB}m`,
    '-XX:+UseG1GC',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
  ];
  const launcher = join(SUITE_ROOT, 'neo4j', 'BenchNeo4j.java');
  // As in a Neo4j server, plugins are both on the classpath (APOC's extension
  // factories register its injectable components from there) and in the plugin
  // folder (where Neo4j compiles procedures from).
  const classpath = [join(lib, '*'), join(PLUGIN_DIR, '*')].join(':');
  const proc = spawn(javaCommand(), [...flags, '-cp', classpath, launcher, options.home, String(port), PLUGIN_DIR, String(options.pageCacheMiB)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  await waitForReady(proc, 180_000);
  options.log(`Neo4j up on bolt://127.0.0.1:${port} (pid ${proc.pid ?? '?'}, heap ${options.heapMiB} MiB, page cache ${options.pageCacheMiB} MiB)`);
  return {
    uri: `bolt://127.0.0.1:${port}`,
    pid: proc.pid,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => { resolve(); }));
      proc.stdin.end();
      const killer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

function waitForReady(proc: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const stderr: string[] = [];
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${timeoutMs} ms:\n${stderr.join('')}`));
    }, timeoutMs);
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk.toString());
      if (stderr.length > 50) stderr.shift();
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited with code ${String(code)} before it was ready:\n${stderr.join('')}`));
    });
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (line.startsWith('READY')) {
        clearTimeout(timer);
        proc.removeAllListeners('exit');
        resolve();
      }
    });
  });
}
