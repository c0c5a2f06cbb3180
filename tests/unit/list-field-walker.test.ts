import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { countAt, listFields, walkListFields } from '../support/list-field-walker.js';

const SDL = `
  type Query {
    people(first: Int): PersonConnection!
    person(id: ID!): Person
    route(from: ID!, to: ID!, k: Int): [Route!]!
  }
  type PersonConnection { edges: [PersonEdge!]! nodes: [Person!]! totalCount: Int! }
  type PersonEdge { cursor: String! node: Person! }
  type Person {
    name: String!
    tags: [String!]!
    friends(first: Int): PersonConnection!
    employer: Company
  }
  type Company { name: String! offices(city: String!): [Office!]! }
  type Office { city: String! }
  type Route { hops: [Hop!]! }
  type Hop { label: String! }
  type Mutation { touch: [Person!]! }
`;
const schema = buildSchema(SDL);
const fillers = { ids: ['a', 'b', 'c'], key: 'a', text: 'x' };

describe('list-field walker', () => {
  it('finds every list and connection field, mutations aside', () => {
    expect(listFields(schema)).toEqual([
      'Company.offices',
      'Person.friends',
      'Person.tags',
      'PersonConnection.edges',
      'PersonConnection.nodes',
      'Query.people',
      'Query.route',
      'Route.hops',
    ]);
  });

  it('puts each under a parent list whose length is the chosen n, with required arguments filled', () => {
    const walk = walkListFields(schema, fillers);
    const byField = new Map(walk.cases.map((c) => [c.coordinate, c]));
    // A field added to a type (here a nested one, two levels down) is walked without naming it anywhere.
    expect([...byField.keys()].sort()).toEqual([
      'Company.offices',
      'Person.friends',
      'Person.tags',
      'PersonConnection.edges',
      'PersonConnection.nodes',
      'Query.people',
      'Query.route',
      'Route.hops',
    ]);
    const offices = byField.get('Company.offices')!;
    expect(offices.query(20)).toContain('people(first: 20)');
    expect(offices.query(20)).toContain('offices(city: "a")');
    expect(offices.trail).toBe('Query.people > PersonConnection.nodes > Person.employer');
    const hops = byField.get('Route.hops')!;
    expect(hops.query(5)).toContain('route(from: "a", to: "b", k: 5)');
    for (const c of walk.cases) expect(validate(schema, parse(c.query(5))), c.query(5)).toEqual([]);
    expect(walk.unreached).toEqual([]);
  });

  it('counts the objects along a response path, lists flattened', () => {
    const data = { people: { nodes: [{ friends: { nodes: [{}, {}] } }, { friends: { nodes: [{}] } }, null] } };
    expect(countAt(data, ['people', 'nodes'])).toBe(2);
    expect(countAt(data, ['people', 'nodes', 'friends', 'nodes'])).toBe(3);
  });
});
