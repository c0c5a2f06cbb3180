import { ENTITY_LABELS, RELATIONSHIP_TYPES, type EntityLabel, type RelationshipType } from './graph-model.js';

/**
 * The network view of the model, declared once: which layer every label
 * belongs to, which relationship types are specific or generic, what a path
 * pays to walk each of them, and which derived tie an actor pair gets when a
 * hidden node stands between them. `schema/MODEL.md` ("Layers, tie classes and
 * path costs") prints the same tables; a unit test checks that every label and
 * relationship type of the model is classified here.
 */

/** Actors act; context is what they act in or about; evidence is what the documents say about both. */
export const LAYERS = ['actors', 'context', 'evidence'] as const;
export type Layer = (typeof LAYERS)[number];

export const LABEL_LAYERS: Readonly<Record<EntityLabel, Layer>> = {
  Person: 'actors',
  Country: 'actors',
  InternationalOrganization: 'actors',
  PublicBody: 'actors',
  Company: 'actors',
  Organization: 'actors',
  Treaty: 'context',
  Policy: 'context',
  Project: 'context',
  Event: 'context',
  Place: 'context',
  Sanction: 'context',
  Observation: 'evidence',
  Statement: 'evidence',
  Source: 'evidence',
};

/**
 * `specific`: says what the tie is (took part, owns, signed, stated).
 * `generic`: a loose or geographic tie that joins nearly everything through a hub
 * (RELATED_TO, BASED_IN, PART_OF ...): walkable, but dear.
 * `evidence`: links a statement, figure or document to what it concerns; walked
 * only when the evidence layer is shown, otherwise folded into derived ties.
 */
export const TIE_CLASSES = ['specific', 'generic', 'evidence'] as const;
export type TieClass = (typeof TIE_CLASSES)[number];

export interface RelationshipNetworkSpec {
  readonly tieClass: TieClass;
  /** What one hop over this type costs a path (before the hub penalty of the node it enters). */
  readonly cost: number;
}

const specific = (cost = 1): RelationshipNetworkSpec => ({ tieClass: 'specific', cost });
const generic = (cost = 4): RelationshipNetworkSpec => ({ tieClass: 'generic', cost });
const evidence = (cost = 2): RelationshipNetworkSpec => ({ tieClass: 'evidence', cost });

export const RELATIONSHIP_NETWORK: Readonly<Record<RelationshipType, RelationshipNetworkSpec>> = {
  HOLDS_OFFICE: specific(),
  AFFILIATED_WITH: specific(),
  APPOINTED: specific(),
  ADVISES: specific(),
  PARENT_OF: specific(),
  COOPERATES_WITH: specific(),
  DIPLOMATIC_RELATIONS: specific(),
  GAVE: specific(),
  RECEIVED: specific(),
  CREATED: specific(),
  DEPLOYS: specific(),
  ORGANISED: specific(),
  ADOPTED: specific(),
  // A meeting on the sidelines of a forum: structural, but says more than PART_OF.
  HELD_DURING: specific(1.5),
  MADE_AT: evidence(),
  LOCATED_IN: generic(3),
  CAPITAL_OF: generic(3),
  HOME_TOWN: generic(3),
  RESPONDS_TO: specific(1.5),
  RESULTS_FROM: specific(1.5),
  POSTPONED_BECAUSE_OF: specific(1.5),
  CONDITIONAL_ON: specific(1.5),
  OBSTRUCTS: specific(1.5),
  MODELLED_ON: specific(1.5),
  NATIONAL_OF: generic(3),
  MEMBER_OF: specific(1.5),
  PART_OF: generic(),
  BASED_IN: generic(),
  OWNS: specific(),
  PARTICIPATES_IN: specific(),
  HELD_IN: generic(3),
  PARTY_TO: specific(),
  CONCLUDED_AT: specific(),
  PROPOSED: specific(),
  AFFECTS_TERRITORY: specific(),
  CLAIMS: specific(),
  ADMINISTERS: specific(),
  OCCUPIED: specific(),
  INVESTS_IN: specific(),
  FINANCES: specific(),
  IMPOSED: specific(),
  TARGETS: specific(),
  SUPPORTS: specific(1.5),
  OPPOSES: specific(1.5),
  STATED: evidence(),
  ABOUT: evidence(3),
  REPORTED_BY: evidence(),
  AUTHORED: evidence(),
  PUBLISHED: evidence(),
  ALLIED_WITH: specific(),
  SUCCEEDED: specific(),
  ADJACENT_TO: generic(3),
  RELATED_TO: generic(),
};

/** The kinds of tie the network view computes between two shown nodes through one hidden node. */
export const DERIVED_TIE_KINDS = [
  'SHARED_EVENT',
  'SHARED_TREATY',
  'SHARED_POLICY',
  'SHARED_PROJECT',
  'SHARED_PLACE',
  'SHARED_SANCTION',
  'STATEMENT',
  'OBSERVATION',
  'SOURCE',
] as const;
export type DerivedTieKind = (typeof DERIVED_TIE_KINDS)[number];

export interface DerivationSpec {
  readonly kind: DerivedTieKind;
  readonly description: string;
  /**
   * The relationship types that may join a shown node to the hidden one for
   * this tie: `specific` means every type of that class (plus the evidence types
   * where listed). A generic link (BASED_IN a place, RELATED_TO) never derives a tie.
   */
  readonly via: 'specific' | readonly RelationshipType[];
  /** What one hop over such a derived tie costs a path. */
  readonly cost: number;
}

/** How a hidden node of each label ties the shown nodes around it. */
export const DERIVATIONS: Readonly<Record<EntityLabel, DerivationSpec | null>> = {
  Person: null,
  Country: null,
  InternationalOrganization: null,
  PublicBody: null,
  Company: null,
  Organization: null,
  Event: { kind: 'SHARED_EVENT', description: 'Both took part in (or were the subject of) the same event.', via: 'specific', cost: 1.5 },
  Treaty: { kind: 'SHARED_TREATY', description: 'Both are parties to, proposed or are named by the same treaty or agreement.', via: 'specific', cost: 1.5 },
  Policy: { kind: 'SHARED_POLICY', description: 'Both take part in, proposed, support or oppose the same plan or policy.', via: 'specific', cost: 2 },
  Project: { kind: 'SHARED_PROJECT', description: 'Both own, invest in, finance or take part in the same project.', via: 'specific', cost: 1.5 },
  Place: { kind: 'SHARED_PLACE', description: 'Both claim, administer, occupied or affect the same territory.', via: 'specific', cost: 2.5 },
  Sanction: { kind: 'SHARED_SANCTION', description: 'One imposed a sanction aimed at the other, or both imposed or were targeted by the same one.', via: 'specific', cost: 1.5 },
  Statement: {
    kind: 'STATEMENT',
    description: 'One stated something about the other, or a statement concerns (supports, opposes, is about) both.',
    via: ['STATED', 'ABOUT', 'REPORTED_BY', 'SUPPORTS', 'OPPOSES', 'PROPOSED'],
    cost: 2,
  },
  Observation: { kind: 'OBSERVATION', description: 'A figure concerns both, or one reported a figure about the other.', via: ['ABOUT', 'REPORTED_BY'], cost: 3 },
  Source: { kind: 'SOURCE', description: 'Both wrote or published the same document.', via: ['AUTHORED', 'PUBLISHED'], cost: 3 },
};

/**
 * Hub penalty: entering a node of degree d costs `HUB_COST × log2(1 + d)` on top
 * of the hop's own cost, so routes through Japan or Russia rank below routes
 * through a specific agreement or fund. Path ends pay nothing.
 */
export const HUB_COST = 0.5;

/** Most entities one `network` answer (or projection page) may hold; the query cost prices it by this cap. */
export const NETWORK_MAX_NODES = 5_000;

/** The layers a network view shows when the client names none. */
export const DEFAULT_NETWORK_LAYERS: readonly Layer[] = ['actors'];
/** The layers paths and neighbourhoods walk when the client names none. */
export const DEFAULT_WALK_LAYERS: readonly Layer[] = ['actors', 'context'];

export function layerOf(label: EntityLabel): Layer {
  return LABEL_LAYERS[label];
}

/** The labels of the given layers, in model order. */
export function labelsOfLayers(layers: readonly Layer[]): EntityLabel[] {
  return ENTITY_LABELS.filter((label) => layers.includes(LABEL_LAYERS[label]));
}

/** The relationship types of one class, in model order. */
export function typesOfClass(tieClass: TieClass): RelationshipType[] {
  return RELATIONSHIP_TYPES.filter((type) => RELATIONSHIP_NETWORK[type].tieClass === tieClass);
}

/** The relationship types through which a hidden node of `label` derives a tie (empty: it derives none). */
export function derivingTypes(label: EntityLabel): RelationshipType[] {
  const spec = DERIVATIONS[label];
  if (!spec) return [];
  return spec.via === 'specific' ? typesOfClass('specific') : [...spec.via];
}
