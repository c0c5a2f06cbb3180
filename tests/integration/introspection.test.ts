import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

/** Every option graphql-js offers: what GraphiQL 3+/4 sends when it opens. */
const FULL = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

/** The number of named types the server's own schema has, to check the answer is whole. */
const typeCount = Object.keys(schema.getTypeMap()).length;

describe('introspection, as GraphQL tools send it', () => {
  it.each([
    ['getIntrospectionQuery() with every option (GraphiQL)', FULL],
    ['getIntrospectionQuery() with defaults', getIntrospectionQuery()],
    // graphql-codegen's URL loader asks with descriptions and input-value deprecations.
    ['graphql-codegen', getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true })],
  ])('answers %s in full with HTTP 200 and no errors', async (_name, query) => {
    const res = await api.gql<IntrospectionQuery>(query);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data?.__schema.types).toHaveLength(typeCount);
    expect(res.data?.__schema.queryType?.name).toBe('Query');
  });

  it('keeps a wide margin under the cost limit, so a growing schema does not push it over', async () => {
    const res = await api.gql(`query { __schema { types { name fields { name args { name } } } } }`);
    expect(res.errors).toBeUndefined();
    const limited = createTestApp({ MAX_QUERY_COST: '500' });
    try {
      // Priced per selected field, not per type: the full query passes even a tight limit.
      const full = await limited.gql<IntrospectionQuery>(FULL);
      expect(full.errors).toBeUndefined();
      expect(full.data?.__schema.types).toHaveLength(typeCount);
    } finally {
      await limited.close();
    }
  });

  it('still refuses introspection abuse with a clear error', async () => {
    const deep = await api.gql('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }');
    expect(deep.errors?.[0]?.message).toMatch(/Maximum introspection depth exceeded/);
    const aliases = Array.from({ length: 60 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ');
    const repeated = await api.gql(`{ ${aliases} }`);
    expect(repeated.errors?.[0]?.message).toMatch(/aliases; the limit is/);
  });
});
