import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, formatViewState, parseViewState, type ViewState } from '../../../explorer/src/view-state.js';

describe('the explorer view in the URL', () => {
  const view: ViewState = {
    focus: 'shinzo-abe',
    edge: '60acac142b72ac05',
    expand: ['shinzo-abe', 'japan'],
    from: 1990,
    to: 2018,
    types: ['Person', 'Country'],
    rels: ['HOLDS_OFFICE'],
    path: ['mitsui', 'rdif'],
    deep: ['japan'],
    more: ['japan.RELATED_TO'],
    hide: ['russia'],
    undated: 'hide',
    layers: ['ACTORS', 'CONTEXT', 'EVIDENCE'],
    avoidGeneric: true,
    avoidHubs: false,
    size: 'pagerank',
    origins: ['curated', 'retracted'],
  };

  it('writes a readable query string and reads back the same view', () => {
    const search = formatViewState(view);
    expect(search).toBe('?focus=shinzo-abe&edge=60acac142b72ac05&expand=shinzo-abe,japan&from=1990&to=2018&types=Person,Country&rels=HOLDS_OFFICE&path=mitsui,rdif&deep=japan&more=japan.RELATED_TO&hide=russia&undated=hide&layers=ACTORS,CONTEXT,EVIDENCE&avoid=generic&size=pagerank&origin=curated,retracted');
    expect(parseViewState(search)).toEqual(view);
  });

  it('writes nothing for the empty view, and an empty list when every type is hidden', () => {
    expect(formatViewState(EMPTY_VIEW)).toBe('');
    expect(parseViewState('')).toEqual(EMPTY_VIEW);
    const none = { ...EMPTY_VIEW, types: [] };
    expect(formatViewState(none)).toBe('?types=');
    expect(parseViewState('?types=')).toEqual(none);
  });

  it('lists types in the model’s order, so one view has one URL', () => {
    expect(formatViewState({ ...EMPTY_VIEW, types: ['Country', 'Person'] })).toBe('?types=Person,Country');
  });

  it('drops what it cannot use: bad keys, unknown types, a one-ended or looping path, non-years', () => {
    expect(parseViewState('?focus=Robert%3B%20DROP&expand=a,,a,../x,b&types=Person,Wizard&rels=OWNS,LIKES&path=a&from=19x0')).toEqual({
      ...EMPTY_VIEW,
      expand: ['a', 'b'],
      types: ['Person'],
      rels: ['OWNS'],
    });
    expect(parseViewState('?path=a,a').path).toBeNull();
    expect(parseViewState('?edge=<script>').edge).toBeNull();
    expect(parseViewState('?layers=evidence,bogus').layers).toEqual(['ACTORS', 'EVIDENCE']);
    expect(parseViewState('?size=height').size).toBe('degree');
    expect(parseViewState('?more=japan.LIKES,japan,Japan.OWNS,japan.OWNS&undated=maybe')).toMatchObject({ more: ['japan.OWNS'], undated: 'show' });
  });

  it('puts a reversed year window the right way round', () => {
    expect(parseViewState('?from=2018&to=1990')).toMatchObject({ from: 1990, to: 2018 });
  });
});
