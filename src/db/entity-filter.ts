import { isEntityLabel, isRelationshipType, type EntityLabel, type RelationshipType } from '../model/graph-model.js';
import type { Params } from './database.js';
import { citedInClause, foldExpression, foldText, propertyClauses, type CitedIn, type PropertyCondition } from './property-conditions.js';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which entities a relationship quantifier looks at on the far end. */
export interface TargetFilter {
  readonly types?: readonly EntityLabel[];
  readonly keys?: readonly string[];
  readonly nameContains?: string;
  /** Conditions on the entity's declared properties (kind, sector, value ...). */
  readonly properties?: readonly PropertyCondition[];
  readonly citedIn?: CitedIn;
}

export interface RelationshipQuantifier {
  readonly type: RelationshipType;
  readonly direction: Direction;
  readonly target?: TargetFilter;
  /** Conditions on the relationship's own properties (role, relation, date ...). */
  readonly properties?: readonly PropertyCondition[];
  /** The relationship is cited in this document (and line range). */
  readonly citedIn?: CitedIn;
}

export interface EntityFilter {
  readonly types?: readonly EntityLabel[];
  readonly keys?: readonly string[];
  /** Case- and dash-folded substring of the name or any alias. */
  readonly nameContains?: string;
  /** Conditions on the entity's declared properties. */
  readonly properties?: readonly PropertyCondition[];
  /** Some citation of the entity is in this document (and line range). */
  readonly citedIn?: CitedIn;
  /** Entities whose dates overlap the window [dateFrom, dateTo] (ISO days). */
  readonly dateFrom?: string;
  readonly dateTo?: string;
  /** Has at least one such relationship. */
  readonly some?: readonly RelationshipQuantifier[];
  /** Has no such relationship. */
  readonly none?: readonly RelationshipQuantifier[];
  /** Has such relationships, and all of them lead to matching targets. */
  readonly all?: readonly RelationshipQuantifier[];
}

/**
 * Builds a parameterized WHERE clause for `filter` on node variable `n`.
 * Relationship types are interpolated only after the model whitelist accepts
 * them; every value travels as a parameter.
 */
export function buildEntityWhere(filter: EntityFilter, n = 'n', prefix = 'f'): { where: string; params: Params } {
  const clauses: string[] = [];
  const params: Params = {};
  let counter = 0;
  const param = (value: unknown): string => {
    const name = `${prefix}${counter++}`;
    params[name] = value;
    return `$${name}`;
  };

  const nodeClauses = (node: string, f: TargetFilter): string[] => {
    const out: string[] = [];
    if (f.types && f.types.length > 0) {
      // GraphQL enums already restrict these; the model whitelist is checked again right where Cypher is built.
      const names: readonly string[] = f.types;
      const unknown = names.find((t) => !isEntityLabel(t));
      if (unknown !== undefined) throw new Error(`unknown entity type ${unknown}`);
      // A label expression (not `any(l IN labels(n) ...)`), so Neo4j can start from the kinds' label scans.
      out.push(`${node}:${[...new Set(names)].join('|')}`);
    }
    if (f.keys && f.keys.length > 0) out.push(`${node}.id IN ${param(f.keys)}`);
    if (f.nameContains) {
      const p = param(foldText(f.nameContains));
      out.push(`(${foldExpression(`${node}.name`)} CONTAINS ${p} OR any(a IN coalesce(${node}.aliases, []) WHERE ${foldExpression('a')} CONTAINS ${p}))`);
    }
    if (f.properties) out.push(...propertyClauses(node, f.properties, param));
    if (f.citedIn) out.push(citedInClause(node, f.citedIn, param));
    return out;
  };

  clauses.push(...nodeClauses(n, filter));
  if (filter.dateFrom) clauses.push(`${n}.dateTo >= ${param(filter.dateFrom)}`);
  if (filter.dateTo) clauses.push(`${n}.dateFrom <= ${param(filter.dateTo)}`);

  const pattern = (q: RelationshipQuantifier, m: string): string => {
    const type: string = q.type;
    if (!isRelationshipType(type)) throw new Error(`unknown relationship type ${type}`);
    const left = q.direction === 'INCOMING' ? '<-' : '-';
    const right = q.direction === 'OUTGOING' ? '->' : '-';
    return `(${n})${left}[${m}r:${q.type}]${right}(${m}:Entity)`;
  };
  // Conditions on the relationship and on its far end, checked together for each relationship.
  const targetWhere = (q: RelationshipQuantifier, m: string): string => {
    const inner = [
      ...(q.target ? nodeClauses(m, q.target) : []),
      ...(q.properties ? propertyClauses(`${m}r`, q.properties, param) : []),
      ...(q.citedIn ? [citedInClause(`${m}r`, q.citedIn, param)] : []),
    ];
    return inner.length > 0 ? inner.join(' AND ') : 'true';
  };

  for (const [i, q] of (filter.some ?? []).entries()) {
    clauses.push(`EXISTS { MATCH ${pattern(q, `s${i}`)} WHERE ${targetWhere(q, `s${i}`)} }`);
  }
  for (const [i, q] of (filter.none ?? []).entries()) {
    clauses.push(`NOT EXISTS { MATCH ${pattern(q, `x${i}`)} WHERE ${targetWhere(q, `x${i}`)} }`);
  }
  for (const [i, q] of (filter.all ?? []).entries()) {
    const m = `a${i}`;
    clauses.push(`EXISTS { MATCH ${pattern(q, m)} }`);
    clauses.push(`NOT EXISTS { MATCH ${pattern(q, m)} WHERE NOT (${targetWhere(q, m)}) }`);
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : 'true', params };
}
