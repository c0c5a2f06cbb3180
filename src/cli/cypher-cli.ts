/**
 * `npm run cypher`: a small Cypher shell on the Neo4j the server uses (or
 * NEO4J_URI, or a local Neo4j it starts). One statement with --query, else
 * statements from stdin, each ended by `;` (a prompt when stdin is a terminal).
 */
import { createInterface } from 'node:readline';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { runCypher } from '../db/run-cypher.js';
import { parseCliArgs } from './cli-args.js';
import { connectForCli } from './connect-cli.js';
import { runCli } from './run-cli.js';

const CLI = {
  command: 'npm run cypher',
  help: `Runs Cypher against the project's Neo4j and prints each row as one JSON line.

  --query "<cypher>"   run this one statement and exit
  (no --query)         read statements from stdin, each ended by ';' (interactive when stdin is a terminal)

Examples:
  npm run cypher -- --query "MATCH (n:Entity) UNWIND labels(n) AS label WITH label WHERE label <> 'Entity' RETURN label, count(*) AS n ORDER BY n DESC"
  echo "MATCH (p:Person)-[r]->(o) RETURN p.name, type(r), o.name LIMIT 5;" | npm run --silent cypher

With \`npm start\` running, it uses that server's Neo4j; otherwise NEO4J_URI, or it starts the local Neo4j itself.
Writes are committed: the API serves whatever the graph holds.`,
  options: { query: { type: 'string', short: 'q' } },
} as const;

await runCli(CLI.command, async () => {
  const values = parseCliArgs(CLI);
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const runtime = await connectForCli(config, (line) => {
    console.error(line);
  });
  try {
    if (values.query !== undefined) {
      if (!(await runAndPrint(runtime.db, values.query))) process.exitCode = 1;
      return;
    }
    const interactive = process.stdin.isTTY;
    const lines = createInterface({ input: process.stdin, output: interactive ? process.stderr : undefined, prompt: 'cypher> ' });
    if (interactive) {
      console.error('Type Cypher ending with ; (Ctrl-D to leave).');
      lines.prompt();
    }
    let pending = '';
    for await (const line of lines) {
      pending += `${line}\n`;
      if (line.trimEnd().endsWith(';')) {
        const ok = await runAndPrint(runtime.db, pending.trim().replace(/;$/, ''));
        if (!ok && !interactive) process.exitCode = 1;
        pending = '';
      }
      if (interactive) lines.setPrompt(pending === '' ? 'cypher> ' : '   ...> ');
      if (interactive) lines.prompt();
    }
    if (pending.trim() !== '' && !(await runAndPrint(runtime.db, pending.trim()))) process.exitCode = 1;
  } finally {
    await runtime.close();
  }
});

/** Runs one statement; prints rows on stdout, the count and any changes on stderr. False when Neo4j refused it. */
async function runAndPrint(db: Database, statement: string): Promise<boolean> {
  const started = Date.now();
  try {
    const { rows, changes } = await runCypher(db, statement);
    for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
    const changed = Object.entries(changes).map(([name, count]) => `${name} ${count}`).join(', ');
    console.error(`${rows.length} row${rows.length === 1 ? '' : 's'} in ${Date.now() - started} ms${changed ? `; ${changed}` : ''}`);
    return true;
  } catch (error) {
    console.error(`Neo4j refused the statement: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return false;
  }
}
