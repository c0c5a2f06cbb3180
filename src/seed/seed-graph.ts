import type { EntityLabel, RelationshipType } from '../model/graph-model.js';

/** A name an entity goes by; `usedBy` is the id of the party whose usage it is. */
export interface Alias {
  readonly name: string;
  readonly usedBy?: string;
}

export type PropertyValue = string | number | boolean | readonly string[];

/** One entity after every seed file that mentions it has been merged. */
export interface SeedEntity {
  readonly id: string;
  readonly label: EntityLabel;
  readonly name: string;
  readonly aliases: readonly Alias[];
  /** Other forms the documents use in passing ("Japanese"); used only to check citations. */
  readonly mentions: readonly string[];
  readonly description: string | undefined;
  readonly properties: Readonly<Record<string, PropertyValue>>;
  /** Compact citations, `file.txt:12-14`. */
  readonly citations: readonly string[];
}

export interface SeedRelationship {
  /** Stable id derived from the endpoints, type and properties. */
  readonly id: string;
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
  readonly properties: Readonly<Record<string, PropertyValue>>;
  readonly citations: readonly string[];
}

export interface SeedGraph {
  readonly entities: readonly SeedEntity[];
  readonly relationships: readonly SeedRelationship[];
}

/** One problem found in the seed, located by file and id. */
export interface SeedProblem {
  readonly file: string;
  readonly id: string;
  readonly message: string;
}

export function formatProblem({ file, id, message }: SeedProblem): string {
  return `${file} [${id}]: ${message}`;
}
