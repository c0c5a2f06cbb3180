import { describe, expect, it } from 'vitest';
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from '../../src/model/graph-model.js';
import {
  DERIVATIONS,
  LABEL_LAYERS,
  LAYERS,
  RELATIONSHIP_NETWORK,
  TIE_CLASSES,
  derivingTypes,
  labelsOfLayers,
} from '../../src/model/layers.js';

describe('network layers in the model', () => {
  it('puts every label of the model in exactly one layer', () => {
    const unclassified = ENTITY_LABELS.filter((label) => !LAYERS.includes(LABEL_LAYERS[label]));
    expect(unclassified, 'labels without a layer (add them to LABEL_LAYERS in src/model/layers.ts)').toEqual([]);
    expect(Object.keys(LABEL_LAYERS).sort()).toEqual([...ENTITY_LABELS].sort());
  });

  it('classifies every relationship type as specific, generic or evidence, with a positive cost', () => {
    const unclassified = RELATIONSHIP_TYPES.filter((type) => {
      const spec = RELATIONSHIP_NETWORK[type] as (typeof RELATIONSHIP_NETWORK)[typeof type] | undefined;
      return !spec || !TIE_CLASSES.includes(spec.tieClass) || !(spec.cost > 0);
    });
    expect(unclassified, 'relationship types without a class (add them to RELATIONSHIP_NETWORK in src/model/layers.ts)').toEqual([]);
    expect(Object.keys(RELATIONSHIP_NETWORK).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });

  it('says for every label whether a hidden node of it derives a tie, and through which types', () => {
    expect(Object.keys(DERIVATIONS).sort()).toEqual([...ENTITY_LABELS].sort());
    for (const label of ENTITY_LABELS) {
      const spec = DERIVATIONS[label];
      // Actors are never hidden behind a tie; every other layer folds into one.
      expect(spec === null, label).toBe(LABEL_LAYERS[label] === 'actors');
    }
    expect(derivingTypes('Statement')).toContain('STATED');
    expect(derivingTypes('Event')).not.toContain('RELATED_TO');
    expect(derivingTypes('Event')).not.toContain('BASED_IN');
  });

  it('keeps the generic hub ties generic and evidence out of the actor layer', () => {
    for (const type of ['RELATED_TO', 'BASED_IN', 'PART_OF'] as const) expect(RELATIONSHIP_NETWORK[type].tieClass).toBe('generic');
    expect(labelsOfLayers(['evidence']).sort()).toEqual(['Observation', 'Source', 'Statement']);
    expect(labelsOfLayers(['actors'])).toContain('Company');
  });
});
