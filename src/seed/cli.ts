/**
 * `npm run seed`: validates the seed and loads it (idempotent), reporting
 * counts per label and relationship type. Uses NEO4J_URI, the local Neo4j the
 * running server uses, or starts it.
 */
import { parseCliArgs } from '../cli/cli-args.js';
import { connectForCli } from '../cli/connect-cli.js';
import { runCli } from '../cli/run-cli.js';
import { loadConfig } from '../config.js';
import { seedFromDirectory } from './seed-from-directory.js';
import { assertFolder, seedDirectoryFrom } from './seed-folders.js';

const CLI = {
  command: 'npm run seed',
  help: `Validates the seed folder and loads it into Neo4j: MERGE on ids, in one transaction, so running it again
changes nothing and a seed with any problem writes nothing. Prints what was loaded.

The seed folder is SEED_DIR (default: seed/). With \`npm start\` running, it loads into that server's Neo4j;
otherwise NEO4J_URI, or it starts the local Neo4j itself.`,
  options: {},
} as const;

await runCli(CLI.command, async () => {
  parseCliArgs(CLI);
  const config = loadConfig();
  const seedDirectory = seedDirectoryFrom();
  await assertFolder(seedDirectory, 'seed', 'SEED_DIR');
  const runtime = await connectForCli(config, console.log);
  try {
    const report = await seedFromDirectory(runtime.db, seedDirectory, (line) => {
      if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(60)}`);
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    const nodes = sum(report.nodesByLabel);
    const relationships = sum(report.relationshipsByType);
    console.log(`Seed loaded from ${seedDirectory}: ${nodes} nodes, ${relationships} relationships (MERGE: already present ones are unchanged).`);
    console.log(formatCounts('Nodes per label', report.nodesByLabel));
    console.log(formatCounts('Relationships per type', report.relationshipsByType));
  } finally {
    await runtime.close();
  }
});

function sum(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** A titled two-column table, largest first. */
function formatCounts(title: string, counts: Readonly<Record<string, number>>): string {
  const rows = Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const width = Math.max(0, ...rows.map(([name]) => name.length));
  return [`\n${title}:`, ...rows.map(([name, count]) => `  ${name.padEnd(width)}  ${String(count).padStart(5)}`)].join('\n');
}
