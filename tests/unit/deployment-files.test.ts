/**
 * The Docker deployment files, checked without a Docker engine: the compose
 * file, the Dockerfile and .env.example agree with each other, with
 * src/config.ts and with the pinned Neo4j version.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NEO4J_VERSION } from '../../src/neo4j-local/neo4j-version.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(new URL(path, new URL('../../', import.meta.url)), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string | string[] };
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  ports?: (string | number | Record<string, unknown>)[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const composeText = read('docker-compose.yml');
const compose = parse(composeText) as ComposeFile;
const dockerfile = read('Dockerfile');
const envExample = read('.env.example');
const configSource = read('src/config.ts');

/** Variables src/config.ts reads: `env['NAME']` directly, or through its int()/bool() helpers. */
const configVariables = new Set([...configSource.matchAll(/(?:\benv\[|\b(?:int|bool)\()\s*'([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1]!));

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => {
      const i = entry.indexOf('=');
      return i === -1 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

describe('docker-compose.yml', () => {
  const neo4j = compose.services['neo4j'];
  const api = compose.services['api'];

  it('parses and has the neo4j and api services', () => {
    expect(compose.services).toBeTypeOf('object');
    expect(neo4j).toBeDefined();
    expect(api).toBeDefined();
  });

  it('runs the pinned Neo4j version (src/neo4j-local/neo4j-version.ts)', () => {
    expect(neo4j?.image).toBe(`neo4j:${NEO4J_VERSION}-community`);
  });

  it('gives neo4j a healthcheck and a named volume for /data', () => {
    expect(neo4j?.healthcheck?.test).toBeDefined();
    const dataVolume = (neo4j?.volumes ?? [])
      .map((v) => (typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v))
      .find((v) => v.target === '/data');
    expect(dataVolume?.source).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/); // a name, not a host path
    expect(Object.keys(compose.volumes ?? {})).toContain(dataVolume?.source);
  });

  it('binds the Neo4j ports to 127.0.0.1 only', () => {
    for (const port of neo4j?.ports ?? []) expect(typeof port === 'string' ? port : JSON.stringify(port)).toMatch(/^127\.0\.0\.1:/);
  });

  it('starts the api only once neo4j is healthy', () => {
    expect(api?.build).toBeDefined();
    expect(Array.isArray(api?.depends_on)).toBe(false);
    const dependsOn = api?.depends_on as Record<string, { condition?: string }> | undefined;
    expect(dependsOn?.['neo4j']?.condition).toBe('service_healthy');
  });

  it('sets only environment variables that src/config.ts reads', () => {
    expect(configVariables.size).toBeGreaterThan(10); // the extraction itself works
    const names = Object.keys(environmentOf(api!));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !configVariables.has(name))).toEqual([]);
  });

  it('passes every setting of src/config.ts to the api, except those the image or compose fix', () => {
    // Fixed by the Dockerfile (HOST, PORT, NODE_ENV) or meaningless under compose (the local Neo4j's).
    const notForCompose = new Set(['HOST', 'PORT', 'NODE_ENV', 'NEO4J_LOCAL_BOLT_PORT', 'NEO4J_LOCAL_DATA_DIR', 'NEO4J_LOCAL_MAX_RESTARTS', 'NEO4J_LOCAL_START_TIMEOUT_MS']);
    const passed = new Set(Object.keys(environmentOf(api!)));
    expect([...configVariables].filter((name) => !notForCompose.has(name) && !passed.has(name))).toEqual([]);
  });

  it('points NEO4J_URI at the neo4j service over bolt', () => {
    const uri = new URL(environmentOf(api!)['NEO4J_URI'] ?? '');
    expect(uri.protocol).toBe('bolt:');
    expect(uri.hostname).toBe('neo4j');
  });

  it('references only variables that .env.example documents', () => {
    // `$${X}` is a literal for the container; everything else compose interpolates.
    const referenced = new Set([...composeText.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
    expect(referenced.size).toBeGreaterThan(0);
    const documented = new Set([...envExample.matchAll(/^\s*#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!));
    expect([...referenced].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('passes `docker compose config` when the compose plugin is installed', (ctx) => {
    const version = spawnSync('docker', ['compose', 'version'], { cwd: ROOT, encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      console.info('docker compose is not available on this machine: skipping `docker compose config -q`.');
      ctx.skip();
      return;
    }
    const result = spawnSync('docker', ['compose', '--env-file', '.env.example', 'config', '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('.env.example', () => {
  it('sets a Neo4j password of at least 8 characters (Neo4j 5 requires it)', () => {
    const password = /^NEO4J_PASSWORD=(.*)$/m.exec(envExample)?.[1]?.trim() ?? '';
    expect(password.length).toBeGreaterThanOrEqual(8);
  });

  it('documents every setting that docker-compose.yml passes to the api', () => {
    const documented = new Set([...envExample.matchAll(/^\s*#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!));
    const fixedByCompose = new Set(['NEO4J_URI', 'NEO4J_USER', 'SEED_ON_START']);
    const passed = Object.keys(environmentOf(compose.services['api']!)).filter((name) => !fixedByCompose.has(name));
    expect(passed.length).toBeGreaterThan(15);
    expect(passed.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('shows the defaults of src/config.ts for the optional limits', () => {
    const defaults = new Map([...configSource.matchAll(/\bint\('([A-Z][A-Z0-9_]*)',\s*([\d_]+)/g)].map((m) => [m[1]!, m[2]!.replaceAll('_', '')]));
    defaults.set('LOG_LEVEL', /env\['LOG_LEVEL'\]\s*\?\?\s*'(\w+)'/.exec(configSource)?.[1] ?? '?');
    defaults.set('NEO4J_DATABASE', /env\['NEO4J_DATABASE'\]\s*\|\|\s*'(\w+)'/.exec(configSource)?.[1] ?? '?');
    const shown = [...envExample.matchAll(/^#\s*([A-Z][A-Z0-9_]*)=(\S+)/gm)];
    expect(shown.map((m) => m[1])).toEqual(expect.arrayContaining(['MAX_QUERY_DEPTH', 'MAX_PAGE_SIZE', 'MAX_PATH_HOPS', 'MAX_NEIGHBORHOOD_DEPTH', 'QUERY_TIMEOUT_MS', 'LOG_LEVEL']));
    for (const [, name, value] of shown) expect({ name, value }).toEqual({ name, value: defaults.get(name!) });
  });
});

describe('Dockerfile', () => {
  const instructions = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const args = (keyword: string): string[] =>
    instructions.filter((line) => line.toUpperCase().startsWith(`${keyword} `)).map((line) => line.slice(keyword.length).trim());

  it('is multi-stage on node:20', () => {
    const froms = args('FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const stageNames = new Set(froms.map((f) => /\bAS\s+(\S+)/i.exec(f)?.[1]).filter(Boolean));
    const baseImages = froms.map((f) => f.split(/\s+/).find((word) => !word.startsWith('--'))!).filter((image) => !stageNames.has(image));
    expect(baseImages.length).toBeGreaterThan(0);
    for (const image of baseImages) expect(image).toMatch(/^node:20(?:[.-]|$)/);
  });

  it('runs as a user that is not root', () => {
    const users = args('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(?:root|0)(?::|$)/);
  });

  it('copies what the server reads at run time, exposes 4000 and checks /healthz', () => {
    const copies = args('COPY').join('\n');
    for (const dir of ['src', 'cypher', 'seed', 'schema', 'node_modules', 'package.json', 'explorer/dist']) expect(copies).toContain(dir);
    expect(args('EXPOSE')).toContain('4000');
    expect(args('HEALTHCHECK').join(' ')).toContain('/healthz');
    expect(args('CMD').at(-1)).toBe('["node", "--import", "tsx", "src/server.ts"]');
  });
});

describe('neo4j/pom.xml', () => {
  it('pins the same Neo4j version', () => {
    expect(/<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(read('neo4j/pom.xml'))?.[1]?.trim()).toBe(NEO4J_VERSION);
  });
});
