import { ENTITY_LABELS, RELATIONSHIP_TYPES, type EntityLabel, type RelationshipType } from '../model/graph-model.js';
import { DERIVATIONS, derivingTypes, labelsOfLayers, type DerivedTieKind, type Layer } from '../model/layers.js';

/** What a network read shows: layers, the stored types kept as direct ties, optionally fewer kinds. */
export interface NetworkSpec {
  readonly layers: readonly Layer[];
  /** Kinds to show, within the layers; null: every kind of the layers. */
  readonly types: readonly EntityLabel[] | null;
  /** Stored relationship types that may be direct ties (and may link to hidden nodes). */
  readonly relationshipTypes: readonly RelationshipType[];
}

/**
 * The walk graph of a network spec, as Cypher parameters and label lists: which
 * labels are shown, which hidden labels derive ties and through which types, and
 * which stored types are direct ties. Labels come from the model only, so they
 * may be written into query text (the Cypher whitelist).
 */
export interface WalkRules {
  readonly shown: readonly EntityLabel[];
  /** Hidden labels that derive a tie through at least one allowed type. */
  readonly hidden: readonly EntityLabel[];
  /** Per hidden label: the types joining it to a shown node for its derived tie. */
  readonly via: Readonly<Record<string, readonly RelationshipType[]>>;
  /** Stored types walked as direct ties between shown nodes. */
  readonly direct: readonly RelationshipType[];
}

/** The walk rules of a spec, less the tie kinds a request avoids (a stored type, or a derived kind and so its hidden label). */
export function walkRules(spec: NetworkSpec, avoidKinds: ReadonlySet<string> = new Set()): WalkRules {
  const layerLabels = labelsOfLayers(spec.layers);
  const shown = spec.types ? layerLabels.filter((l) => spec.types!.includes(l)) : layerLabels;
  const allowed = new Set<string>(spec.relationshipTypes);
  const via: Record<string, RelationshipType[]> = {};
  const hidden: EntityLabel[] = [];
  for (const label of ENTITY_LABELS) {
    if (shown.includes(label)) continue;
    const kind: DerivedTieKind | undefined = DERIVATIONS[label]?.kind;
    if (kind === undefined || avoidKinds.has(kind)) continue;
    const types = derivingTypes(label).filter((t) => allowed.has(t));
    if (types.length === 0) continue;
    via[label] = types;
    hidden.push(label);
  }
  const direct = RELATIONSHIP_TYPES.filter((t) => allowed.has(t) && !avoidKinds.has(t));
  return { shown, hidden, via, direct };
}

/** Cypher: `x` carries one of the labels (false for none). */
export function hasLabel(x: string, labels: readonly EntityLabel[]): string {
  return labels.length === 0 ? 'false' : `${x}:${labels.join('|')}`;
}

/** Cypher: relationship `r` may join hidden node `h` to a shown node (`$via` holds WalkRules.via). */
export function viaAllowed(rules: WalkRules, h: string, r: string): string {
  if (rules.hidden.length === 0) return 'false';
  return `(${rules.hidden.map((l) => `(${h}:${l} AND type(${r}) IN $via.${l})`).join(' OR ')})`;
}
