import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

describe('the structured logger', () => {
  it('writes one JSON object per line, at the level and above, with child fields', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.debug('hidden');
    logger.info('request', { requestId: 'r1', status: 200 });
    logger.child({ requestId: 'r2' }).error(new Error('boom', { cause: new Error('root cause') }));
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    const [info, error] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(info).toMatchObject({ level: 'info', msg: 'request', requestId: 'r1', status: 200 });
    expect(typeof info!['time']).toBe('string');
    expect(error).toMatchObject({ level: 'error', msg: 'boom', requestId: 'r2', err: { name: 'Error', message: 'boom', cause: { message: 'root cause' } } });
  });

  it('writes nothing when silent', () => {
    const lines: string[] = [];
    const logger = createLogger('silent', (line) => lines.push(line));
    logger.error('nothing');
    expect(lines).toEqual([]);
  });
});
