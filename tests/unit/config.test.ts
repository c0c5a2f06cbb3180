import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('has working defaults: local Neo4j, port 4000', () => {
    const config = loadConfig({});
    expect(config.neo4jUri).toBeUndefined();
    expect(config.port).toBe(4000);
    expect(config.limits.maxPageSize).toBe(100);
  });

  it.each(['bolt://db:7687', 'neo4j://cluster.example:7687', 'neo4j+s://abc.databases.neo4j.io'])('accepts %s', (uri) => {
    expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'secret' }).neo4jUri).toBe(uri);
  });

  it('reports every bad value at once, each by name', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://db', MAX_PATH_HOPS: '99', SEED_ON_START: 'maybe', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT="eighty"');
    expect(problems).toContain('NEO4J_URI="http://db"');
    expect(problems).toContain('MAX_PATH_HOPS="99"');
    expect(problems).toContain('SEED_ON_START="maybe"');
    expect(problems).toContain('LOG_LEVEL="loud"');
  });

  it('requires a password for a remote Neo4j', () => {
    expect(() => loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' })).toThrow(/NEO4J_PASSWORD/);
  });
});
