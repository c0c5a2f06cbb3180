import { describe, expect, it } from 'vitest';
import type { EntityState } from '../../src/curation/element-state.js';
import { entityFromStore, entityProps } from '../../src/curation/element-state.js';
import { checkOperation, updatedEntity } from '../../src/curation/operations.js';

const cite = [{ source: 'source-000', lines: '9' }];

describe('checking curation operations', () => {
  it('accepts a cited entity with model properties', () => {
    expect(
      checkOperation({ op: 'addEntity', input: { id: 'x-summit', kind: 'Event', name: 'X', properties: [{ name: 'date', text: '2016-05' }, { name: 'kind', text: 'summit' }], citations: cite } }, 'op'),
    ).toEqual([]);
  });

  it('names every problem with its field', () => {
    const problems = checkOperation(
      { op: 'addEntity', input: { id: 'Bad Id', kind: 'Observation', name: ' ', properties: [{ name: 'value', text: 'many' }], citations: [{ source: 's', lines: '9-3' }] } },
      'operations[0].addEntity',
    );
    expect(problems).toEqual([
      'operations[0].addEntity.id: "Bad Id" is not an id (kebab-case: a-z, 0-9, single hyphens; at most 100 characters)',
      'operations[0].addEntity.name: must not be empty',
      'operations[0].addEntity.properties: property "value" must be a number',
      'operations[0].addEntity.properties: missing required property "measure"',
      'operations[0].addEntity.properties: missing required property "unit"',
      'operations[0].addEntity.citations[0]: "lines" is "9-3"; expected a line or range such as "12" or "12-14"',
    ]);
  });

  it('refuses uncited facts and empty updates', () => {
    expect(checkOperation({ op: 'addRelationship', input: { type: 'CLAIMS', from: 'japan', to: 'etorofu' } }, 'r')).toEqual([
      'r.citations: a fact without a citation: give at least one (source + lines, or source + page/quote)',
    ]);
    expect(checkOperation({ op: 'updateEntity', input: { id: 'japan', citations: cite } }, 'u')).toEqual([
      'u.id: the update changes nothing: set a name, description, alias or property',
    ]);
  });

  it('applies an update on top of the current state and bumps the version', () => {
    const current: EntityState = entityFromStore(
      { id: 'g7', name: 'G7', aliases: ['Group of Seven'], aliasUsedBy: [''], citations: ['a.txt:1'], origin: 'seed' },
      'InternationalOrganization',
    );
    const problems: string[] = [];
    const next = updatedEntity(current, { id: 'g7', addAliases: [{ name: 'Big Seven' }], removeAliases: ['Group of Seven'] }, ['b.txt:2'], (m) => problems.push(m));
    expect(problems).toEqual([]);
    expect(next).toMatchObject({ version: 1, origin: 'seed', aliases: [{ name: 'Big Seven' }], citations: ['a.txt:1', 'b.txt:2'] });
    expect(entityProps(next)).toMatchObject({ aliases: ['Big Seven'], aliasUsedBy: [''], version: 1, origin: 'seed' });
  });
});
