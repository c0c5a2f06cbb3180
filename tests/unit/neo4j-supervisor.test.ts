import { describe, expect, it } from 'vitest';
import type { LocalNeo4j, Neo4jExit } from '../../src/neo4j-local/local-neo4j.js';
import { createLogger } from '../../src/logger.js';
import { Neo4jSupervisor } from '../../src/neo4j-local/supervisor.js';

/** A local Neo4j whose exits the test triggers and whose starts succeed or fail as scripted. */
function fakeNeo4j(starts: ('ok' | 'fail')[]): LocalNeo4j & { crash(): void } {
  let listener: ((exit: Neo4jExit) => void) | undefined;
  let pid = 100;
  return {
    uri: 'bolt://127.0.0.1:1',
    get pid() {
      return pid;
    },
    stop: () => Promise.resolve(),
    start: () => (starts.shift() === 'fail' ? Promise.reject(new Error('Bolt port 1 is taken\n  at java...')) : Promise.resolve(void (pid += 1))),
    onExit: (l) => {
      listener = l;
    },
    crash: () => listener?.({ code: null, signal: 'SIGKILL', pid }),
  };
}

function recorder(): { lines: { level: string; msg: string }[]; logger: ReturnType<typeof createLogger> } {
  const lines: { level: string; msg: string }[] = [];
  return { lines, logger: createLogger('debug', (line) => lines.push(JSON.parse(line) as { level: string; msg: string })) };
}

const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Neo4jSupervisor', () => {
  it('counts the exit and the restart, logs the exit once as an error and the restart at info', async () => {
    const neo4j = fakeNeo4j(['ok']);
    const { lines, logger } = recorder();
    const exits: Neo4jExit[] = [];
    const restarts: string[] = [];
    const supervisor = new Neo4jSupervisor(neo4j, logger, { maxRestarts: 3, initialBackoffMs: 1, onExit: (e) => exits.push(e), onRestart: (o) => restarts.push(o) });
    neo4j.crash();
    await settle();
    expect(exits).toEqual([{ code: null, signal: 'SIGKILL', pid: 100 }]);
    expect(restarts).toEqual(['ok']);
    expect(lines.map(({ level, msg }) => [level, msg])).toEqual([
      ['error', 'Local Neo4j exited unexpectedly'],
      ['info', 'Restarting the local Neo4j in 1 ms'],
      ['info', expect.stringMatching(/^Local Neo4j restarted in [\d.]+ s \(pid 101\)$/)],
    ]);
    expect(supervisor.liveness()).toEqual({ live: true });
    supervisor.stop();
  });

  it('counts failed restarts and gives up after maxRestarts, not live', async () => {
    const neo4j = fakeNeo4j(['fail', 'fail', 'fail']);
    const { lines, logger } = recorder();
    const restarts: string[] = [];
    const supervisor = new Neo4jSupervisor(neo4j, logger, { maxRestarts: 2, initialBackoffMs: 1, maxBackoffMs: 2, onRestart: (o) => restarts.push(o) });
    neo4j.crash();
    await settle(100);
    expect(restarts).toEqual(['failed', 'failed']);
    expect(supervisor.liveness()).toEqual({ live: false, reason: 'local Neo4j did not stay up after 2 restarts (NEO4J_LOCAL_MAX_RESTARTS=2)' });
    expect(lines.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual(['Local Neo4j exited unexpectedly', expect.stringMatching(/^Giving up/)]);
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual(['Local Neo4j did not restart', 'Local Neo4j did not restart']);
    supervisor.stop();
  });

  it('neither counts nor restarts once stopped', async () => {
    const neo4j = fakeNeo4j(['ok']);
    const { logger } = recorder();
    const exits: Neo4jExit[] = [];
    const supervisor = new Neo4jSupervisor(neo4j, logger, { maxRestarts: 3, initialBackoffMs: 1, onExit: (e) => exits.push(e) });
    supervisor.stop();
    neo4j.crash();
    await settle();
    expect(exits).toEqual([]);
  });
});
