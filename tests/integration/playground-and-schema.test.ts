import { readFile } from 'node:fs/promises';
import { isInputObjectType, isInterfaceType, isObjectType, isEnumType } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_EXAMPLES } from '../../src/http/playground-examples.js';
import { printSortedSchema, schema } from '../../src/schema/index.js';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

describe('the playground', () => {
  it.each(PLAYGROUND_EXAMPLES.map((e) => [e.title, e.query] as const))('runs the example "%s" without errors and with data', async (_title, query) => {
    const res = await api.gql(query);
    expect(res.errors).toBeUndefined();
    const values = Object.values(res.data!);
    expect(values.every((v) => v !== null && !(Array.isArray(v) && v.length === 0))).toBe(true);
  });

  it('serves GraphiQL from our own server, with no CDN assets', async () => {
    const response = await api.app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('graphiql');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:\/\//);
    expect(html).not.toContain('unpkg.com');
    expect(html).not.toContain('cdn.jsdelivr');
  });
});

describe('the schema artifact', () => {
  it('matches schema/schema.graphql (run `npm run schema:print` after changing the API)', async () => {
    const committed = await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSortedSchema()}\n`);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('the README', () => {
  it('lists every playground example', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const example of PLAYGROUND_EXAMPLES) expect(readme).toContain(example.query);
  });
});
