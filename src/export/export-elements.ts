import { originOf, type EntityRecord, type RelationshipRecord } from '../db/records.js';
import type { Tie } from '../network/tie.js';
import {
  EDGE_ATTRIBUTES,
  TIE_ATTRIBUTES,
  NODE_ATTRIBUTES,
  RETRACTION_ATTRIBUTES,
  toAttributeValue,
  type AttributeValue,
  type ExportEdge,
  type ExportNode,
} from './attribute-schema.js';

/** An entity as an export node: every model column and its retraction columns (written only where declared), nothing else. */
export function toExportNode(entity: EntityRecord): ExportNode {
  const source: Record<string, unknown> = {
    ...entity.props,
    label: entity.name,
    type: entity.label,
    aliases: entity.aliases,
    aliasUsedBy: entity.aliasUsedBy,
    citations: entity.citations,
    origin: originOf(entity.props),
    retracted: entity.props['retracted'] === true,
  };
  return { id: entity.key, values: pick([...NODE_ATTRIBUTES, ...RETRACTION_ATTRIBUTES], source) };
}

/** A relationship as an export edge: every model column and its retraction columns, nothing else. */
export function toExportEdge(relationship: RelationshipRecord): ExportEdge {
  const source: Record<string, unknown> = {
    ...relationship.props,
    label: relationship.type,
    relationshipId: relationship.id,
    relationshipType: relationship.type,
    citations: relationship.citations,
    origin: originOf(relationship.props),
    retracted: relationship.props['retracted'] === true,
  };
  return { id: relationship.id, source: relationship.from, target: relationship.to, values: pick([...EDGE_ATTRIBUTES, ...RETRACTION_ATTRIBUTES], source) };
}

/** A tie of a projection as an export edge: the relationship's columns (for a direct tie) plus the tie's own. */
export function toTieEdge(tie: Tie): ExportEdge {
  const source: Record<string, unknown> = {
    ...(tie.relationship?.props ?? {}),
    label: tie.kind,
    relationshipId: tie.id,
    relationshipType: tie.kind,
    citations: tie.citations,
    // A derived tie is drawn from stored relationships; only a direct tie has an origin of its own.
    origin: tie.relationship ? originOf(tie.relationship.props) : undefined,
    validFrom: tie.firstDate ?? undefined,
    validTo: tie.lastDate ?? undefined,
    derived: tie.derived,
    weight: tie.weight,
    evidence: tie.evidence.map((e) => e.entity.key),
    evidenceRelationships: tie.evidence.flatMap((e) => e.relationships.map((r) => r.id)),
  };
  return { id: tie.id, source: tie.from, target: tie.to, values: pick([...EDGE_ATTRIBUTES, ...TIE_ATTRIBUTES], source) };
}

function pick(attributes: typeof NODE_ATTRIBUTES, source: Record<string, unknown>): Record<string, AttributeValue | undefined> {
  const values: Record<string, AttributeValue | undefined> = {};
  for (const attribute of attributes) {
    const value = toAttributeValue(attribute, source[attribute.name]);
    if (value !== undefined) values[attribute.name] = value;
  }
  return values;
}
