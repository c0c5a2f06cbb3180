import { Kind, parse, type FragmentDefinitionNode, type GraphQLInterfaceType, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { compileLevels } from '../../src/planner/compile-plan.js';
import { planRelationships } from '../../src/planner/plan-selection.js';
import type { RelationshipLevel } from '../../src/planner/plan.js';
import { relationshipArgs } from '../../src/schema/relationship-connection.js';

function plan(source: string, variables: Record<string, unknown> = {}): RelationshipLevel[] | null {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const root = operation.selectionSet.selections[0]!;
  if (root.kind !== Kind.FIELD) throw new Error('expected a field');
  return planRelationships(
    { schema, fragments, variableValues: variables, toArgs: (raw, withTotal, lean) => relationshipArgs(raw, 100, withTotal, lean) },
    root.selectionSet,
    schema.getType('Entity') as GraphQLInterfaceType,
  );
}

describe('read planner: selection → plan', () => {
  it('follows aliases, fragments and variables, fixing a typed field\'s types and direction', () => {
    const levels = plan(
      `query($n: Int) { entity(id: "x") { ... on Event { who: participants(first: $n) { totalCount edges { other { ...O } } } } } }
       fragment O on Entity { relationships(types: [PARTICIPATES_IN], direction: OUTGOING, first: 3) { edges { other { name } } } }`,
      { n: 7 },
    );
    expect(levels).toEqual([
      {
        args: { types: ['PARTICIPATES_IN'], direction: 'INCOMING', size: 7, withTotal: true, lean: true },
        labels: ['Event'],
        children: [{ args: { types: ['PARTICIPATES_IN'], direction: 'OUTGOING', size: 3, withTotal: false, lean: true }, labels: null, children: [] }],
      },
    ]);
  });

  it('merges the same page asked for twice and plans nothing for plain fields', () => {
    expect(plan('{ entity(id: "x") { a: relationships(first: 2) { totalCount } b: relationships(first: 2) { totalCount } } }')).toHaveLength(1);
    expect(plan('{ entity(id: "x") { name citations { reference } } }')).toEqual([]);
  });

  it('marks a page lean only when every field under it reads key, name, kind, citations, role or further pages', () => {
    const lean = (other: string, node = 'id') => plan(`{ entity(id: "x") { relationships { edges { cursor node { ${node} } other { ${other} } } } } }`)![0]!.args.lean;
    expect(lean('key name type citations { reference } ... on Event { participants { totalCount } }')).toBe(true);
    expect(lean('__typename id', 'type role citations { reference }')).toBe(true);
    expect(lean('name description')).toBeUndefined();
    expect(lean('name ... on Observation { value }')).toBeUndefined();
    expect(lean('name ... on Person { offices { totalCount } }')).toBe(true);
    expect(lean('name', 'id from { name }')).toBeUndefined();
    expect(lean('name', 'validFrom')).toBeUndefined();
  });

  it('gives up (null) on an invalid argument, leaving the error to the resolver', () => {
    expect(plan('{ entity(id: "x") { relationships(first: 1000) { totalCount } } }')).toBeNull();
  });
});

describe('read planner: plan → Cypher', () => {
  const levels: RelationshipLevel[] = [
    {
      args: { types: ['PARTICIPATES_IN'], direction: 'INCOMING', size: 20, withTotal: true },
      labels: ['Event'],
      children: [{ args: { types: null, direction: 'BOTH', size: 5, withTotal: false }, labels: null, children: [] }],
    },
  ];
  const compiled = compileLevels(levels, 'e');

  it('nests one CALL subquery per level, each ordering and limiting per parent (top-k) in the database', () => {
    expect(compiled.calls).toContain('CALL (e) {');
    expect(compiled.calls).toContain('MATCH (e)<-[r_p_0:PARTICIPATES_IN]-(m_p_0:Entity)');
    expect(compiled.calls).toContain('ORDER BY type(r_p_0), m_p_0.name, r_p_0.id LIMIT $p_0_limit');
    expect(compiled.calls).toContain('CALL (m_p_0) {');
    expect(compiled.calls).toContain('MATCH (m_p_0)-[r_p_0_0]-(m_p_0_0:Entity)');
    expect(compiled.calls).toContain('LIMIT $p_0_0_limit');
    expect(compiled.calls).toContain('(e:Event)');
  });

  it('projects every property on a full page and only the lean ones on a lean page', () => {
    expect(compiled.calls).toContain('r: r_p_0 { .*, type: type(r_p_0)');
    expect(compiled.calls).toContain('m: m_p_0 { .*, label:');
    const lean = compileLevels([{ args: { ...levels[0]!.args, lean: true }, labels: null, children: [] }], 'e').calls;
    expect(lean).not.toContain('.*');
    expect(lean).toContain('r: r_p_0 { .id, .role, .citations, type: type(r_p_0), from: startNode(r_p_0).id, to: endNode(r_p_0).id }');
    expect(lean).toContain("m: m_p_0 { .id, .name, .citations, label: head([l IN labels(m_p_0) WHERE l <> 'Entity']) }");
  });

  it('counts a total only where it is selected, and passes values as parameters (one row more than the page)', () => {
    expect(compiled.projection).toContain('t0: CASE WHEN (e:Event) THEN COUNT { MATCH (e)<-[r_p_0:PARTICIPATES_IN]-(m_p_0:Entity) } END');
    expect(compiled.calls).toContain('t0: null');
    expect(Number(compiled.params['p_0_limit'])).toBe(21);
    expect(Number(compiled.params['p_0_0_limit'])).toBe(6);
    expect(compiled.params['p_0_after']).toBeNull();
  });
});
