import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { runKeysCommand } from '../../src/auth/keys-command.js';
import { ApiKeyStore } from '../../src/db/api-key-store.js';
import { schema } from '../../src/schema/index.js';
import { sharedCurationApi } from '../support/curation-client.js';

// Nothing here writes to the graph (every write is refused), so the run's shared Neo4j will do.
const api = sharedCurationApi();
afterAll(() => api.close());

/** A value of `type` that passes GraphQL's coercion: required fields only. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.name;
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type)]));
  }
  return { String: 'x', Int: 1, Float: 1, Boolean: true, ID: 'x' }[named.name] ?? 'x';
}

/** One request per mutation field of the schema, with arguments that coerce. */
function everyMutation(): { field: string; query: string; variables: Record<string, unknown> }[] {
  const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
  return fields.map((field) => ({
    field: field.name,
    query: `mutation(${field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')}) { __typename } }`,
    variables: Object.fromEntries(field.args.map((a) => [a.name, sample(a.type)])),
  }));
}

async function graphCounts(): Promise<string> {
  const [row] = await api.db.read('test-counts', 'MATCH (n) WHERE n:Entity OR n:Revision OR n:Retracted RETURN count(n) AS n');
  return String(row?.['n']);
}

describe('who may write', () => {
  it('refuses every mutation field without a key (401) and with a reader key (403), writing nothing', async () => {
    const mutations = everyMutation();
    expect(mutations.map((m) => m.field)).toEqual(expect.arrayContaining(['addSource', 'addEntity', 'curate', 'revertRevision']));
    const reader = await api.key('reader');
    const before = await graphCounts();
    for (const { field, query, variables } of mutations) {
      const anonymous = await api.gql(query, variables);
      expect(anonymous.status, field).toBe(401);
      expect(anonymous.errors?.[0]?.extensions?.['code'], field).toBe('UNAUTHENTICATED');
      expect(anonymous.errors?.[0]?.message, field).toContain(`Mutation.${field} needs an API key`);
      const asReader = await api.gql(query, variables, reader);
      expect(asReader.status, field).toBe(403);
      expect(asReader.errors?.[0]?.extensions?.['code'], field).toBe('FORBIDDEN');
    }
    expect(await graphCounts()).toBe(before);
  });

  it('refuses a malformed, unknown or revoked key with 401, and reads stay public', async () => {
    const read = '{ entity(id: "shinzo-abe") { name } }';
    expect((await api.gql(read)).data).toEqual({ entity: { name: 'Shinzo Abe' } });
    for (const token of ['not-a-key', 'rjg_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const response = await api.gql(read, {}, token);
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
    const lines: string[] = [];
    const store = new ApiKeyStore(api.db);
    expect(await runKeysCommand(['create', 'cli-test', 'curator'], store, (l) => lines.push(l))).toBe(0);
    const token = lines[1] ?? '';
    const id = /created key (\w+)/.exec(lines[0] ?? '')?.[1] ?? '';
    expect((await api.gql(read, {}, token)).status).toBe(200);
    expect(JSON.stringify(await store.list())).not.toContain(token);
    expect(await runKeysCommand(['revoke', id], store, (l) => lines.push(l))).toBe(0);
    expect((await api.gql(read, {}, token)).status).toBe(401);
    expect(await runKeysCommand(['create', 'x', 'wizard'], store, (l) => lines.push(l))).toBe(2);
  });

  it('can require a key for reads (READS_REQUIRE_KEY=true)', async () => {
    const closed = sharedCurationApi({ READS_REQUIRE_KEY: 'true' });
    try {
      const read = '{ entity(id: "shinzo-abe") { name } }';
      const anonymous = await closed.gql(read);
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      const asReader = await closed.gql(read, {}, await closed.key('reader'));
      expect(asReader.data).toEqual({ entity: { name: 'Shinzo Abe' } });
    } finally {
      await closed.db.close();
    }
  });
});
