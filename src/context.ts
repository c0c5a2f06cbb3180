import DataLoader from 'dataloader';
import type { Caller } from './auth/authenticate.js';
import type { Limits } from './config.js';
import type { DocumentText } from './documents/document-text.js';
import { CurationStore } from './db/curation-store.js';
import type { Database } from './db/database.js';
import { GraphStore, type RelationshipArgs, type RelationshipCount, type RelationshipPage, type SourceSupport } from './db/graph-store.js';
import { entitiesAsOf, relationshipsAsOf } from './db/as-of.js';
import type { EntityRecord, RelationshipRecord } from './db/records.js';
import { revisionsOfMany, type RevisionRecord } from './db/revisions.js';
import type { EntityPage } from './db/list-query.js';
import { retractedAround, type RetractedAround } from './db/retracted-facts.js';
import { sourceTextLines } from './db/source-text.js';
import { readSupportPages, type SupportPageRequest } from './db/source-support-query.js';
import { readDocumentAggregates, type Aggregate, type AggregateRequest } from './db/aggregate-query.js';
import { disagree } from './model/disagreement.js';
import { NetworkService } from './network/network-service.js';

/** Per-request Neo4j accounting, reported in the response's `extensions.neo4j`. */
export interface RoundTripCounter {
  count: number;
  timeMs: number;
}

/** Per-request loaders: each batch is one Cypher query. */
export interface Loaders {
  readonly entity: DataLoader<string, EntityRecord | null>;
  readonly source: DataLoader<string, EntityRecord | null>;
  readonly relationshipCounts: DataLoader<string, RelationshipCount[]>;
  /** Keys of the figures each figure disagrees with (src/model/disagreement.ts). */
  readonly conflicts: DataLoader<string, string[]>;
  /** What each document (by file name) is cited for. */
  readonly sourceSupport: DataLoader<string, SourceSupport>;
  /** Relationship pages keyed by entity and the (shared) arguments. */
  relationships(args: RelationshipArgs): DataLoader<string, RelationshipPage>;
  /** Pages of the entities each document (by file name) is cited for, keyed by the (shared) request. */
  supportPages(request: SupportPageRequest): DataLoader<string, EntityPage>;
  /** Aggregates over the entities each document (by file name) is cited for, keyed by the (shared) request. */
  documentAggregates(request: AggregateRequest): DataLoader<string, Aggregate>;
  /** Revisions of entities (by key) and relationships (by id), oldest first. */
  readonly history: DataLoader<string, RevisionRecord[]>;
  /** The stored text lines of sources added through curation, by file name (null: none stored). */
  readonly sourceText: DataLoader<string, readonly string[] | null>;
  /** The retracted facts at each entity key (src/db/retracted-facts.ts). */
  readonly retractedAround: DataLoader<string, RetractedAround>;
  /** Relationships by id as they are now. */
  readonly relationship: DataLoader<string, RelationshipRecord | null>;
  /** Entities and relationships as they were recorded at an instant (src/db/as-of.ts); one pair of loaders per instant. */
  asOf(at: string): { readonly entity: DataLoader<string, EntityRecord | null>; readonly relationship: DataLoader<string, RelationshipRecord | null> };
}

export interface Context {
  readonly store: GraphStore;
  /** Paths, neighbourhoods and network views over layers and derived ties. */
  readonly network: NetworkService;
  readonly loaders: Loaders;
  readonly limits: Limits;
  readonly roundTrips: RoundTripCounter;
  /** The source documents' text, for quotes (read once at start). */
  readonly documents: DocumentText;
  /** Who is asking (API key or anonymous) and the request id their writes are recorded under. */
  readonly caller: Caller;
  /** Curation writes and history reads (src/db/curation-store.ts). */
  readonly curation: CurationStore;
}

/**
 * Per-request loaders keyed by document file name, one per distinct request (compared as JSON):
 * every document asking the same thing joins one batch, hence one query.
 */
function loaderPerRequest<R, V>(batch: (fileNames: readonly string[], request: R) => Promise<V[]>): (request: R) => DataLoader<string, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (request) => {
    const id = JSON.stringify(request);
    let loader = loaders.get(id);
    if (!loader) {
      loader = new DataLoader((fileNames) => batch(fileNames, request));
      loaders.set(id, loader);
    }
    return loader;
  };
}

const ANONYMOUS: Caller = { actor: null, publicReads: true, requestId: 'internal' };

/** Builds a fresh context for one request; loaders never outlive it. */
export function createContext(db: Database, limits: Limits, documents: DocumentText, caller: Caller = ANONYMOUS): Context {
  const roundTrips: RoundTripCounter = { count: 0, timeMs: 0 };
  const observe = (_operation: string, ms: number): void => {
    roundTrips.count += 1;
    roundTrips.timeMs += ms;
  };
  const store = new GraphStore(db, observe);
  const network = new NetworkService(db, observe);
  const entity = new DataLoader<string, EntityRecord | null>((keys) => store.entitiesByKeys(keys));
  const relationshipLoaders = new Map<string, DataLoader<string, RelationshipPage>>();
  const read = (operation: string, query: string, params: Record<string, unknown>) => db.read(operation, query, params, observe);
  const asOfLoaders = new Map<string, ReturnType<Loaders['asOf']>>();
  const loaders: Loaders = {
    entity,
    source: new DataLoader((fileNames) => store.sourcesByFileName(fileNames)),
    relationshipCounts: new DataLoader((keys) => store.relationshipCounts(keys)),
    conflicts: new DataLoader(async (keys) =>
      (await store.rivalClaims(keys)).map(({ self, rivals }) => (self ? rivals.filter((rival) => disagree(self, rival)).map((r) => r.key).sort() : [])),
    ),
    sourceSupport: new DataLoader((fileNames) => store.supportedBy(fileNames)),
    relationships(args) {
      // One loader per distinct argument set: all entities asking the same thing share one query.
      const id = JSON.stringify(args);
      let loader = relationshipLoaders.get(id);
      if (!loader) {
        loader = new DataLoader(async (keys) => {
          const pages = await store.relationshipsOf(keys, args);
          for (const page of pages) for (const item of page.items) entity.prime(item.other.key, item.other);
          return pages;
        });
        relationshipLoaders.set(id, loader);
      }
      return loader;
    },
    // As for relationship pages: one loader per distinct request, so all sources asking the same share one query.
    supportPages: loaderPerRequest((fileNames, request) => readSupportPages(read, fileNames, request)),
    documentAggregates: loaderPerRequest((fileNames, request) => readDocumentAggregates(read, fileNames, request)),
    history: new DataLoader((ids) => revisionsOfMany(db, ids, observe)),
    sourceText: new DataLoader((fileNames) => sourceTextLines(read, fileNames)),
    retractedAround: new DataLoader((keys) => retractedAround(read, keys)),
    relationship: new DataLoader((ids) => relationshipsAsOf(read, ids, null)),
    asOf(at) {
      let pair = asOfLoaders.get(at);
      if (!pair) {
        pair = {
          entity: new DataLoader((keys) => entitiesAsOf(read, keys, at)),
          relationship: new DataLoader((ids) => relationshipsAsOf(read, ids, at)),
        };
        asOfLoaders.set(at, pair);
      }
      return pair;
    },
  };
  const curation = new CurationStore(db, observe);
  return { store, network, loaders, limits, roundTrips, documents, caller, curation };
}
