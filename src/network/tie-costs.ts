import type { RelationshipType } from '../model/graph-model.js';
import { DERIVATIONS, DERIVED_TIE_KINDS, HUB_COST, RELATIONSHIP_NETWORK, type DerivedTieKind } from '../model/layers.js';
import type { Tie } from './tie.js';

/** A tie kind: a stored relationship type or a derived tie kind. */
export type TieKind = RelationshipType | DerivedTieKind;

const DERIVED_COST = new Map<DerivedTieKind, number>(
  Object.values(DERIVATIONS)
    .filter((spec) => spec !== null)
    .map((spec) => [spec.kind, spec.cost]),
);

/** The model's cost for walking one tie of `kind` (src/model/layers.ts). */
export function defaultTieCost(kind: TieKind): number {
  if ((DERIVED_TIE_KINDS as readonly string[]).includes(kind)) return DERIVED_COST.get(kind as DerivedTieKind) ?? 2;
  return RELATIONSHIP_NETWORK[kind as RelationshipType].cost;
}

/** The cost of a tie kind with a request's own overrides. */
export function kindCostFunction(overrides: ReadonlyMap<TieKind, number>): (kind: TieKind) => number {
  return (kind) => overrides.get(kind) ?? defaultTieCost(kind);
}

/** Tie costs with a request's own overrides, by kind. */
export function tieCostFunction(overrides: ReadonlyMap<TieKind, number>): (tie: Tie) => number {
  const cost = kindCostFunction(overrides);
  return (tie) => cost(tie.kind);
}

/** The hub penalty for entering a node of stored degree `degree`: `hubCost × log2(1 + degree)`. */
export function hubPenalty(degree: number, hubCost: number = HUB_COST): number {
  return hubCost * Math.log2(1 + Math.max(0, degree));
}
