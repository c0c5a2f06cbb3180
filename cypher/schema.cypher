// The database schema. Applied at every start; every statement is idempotent.
// src/db/apply-schema.ts runs the statements in order, one per transaction.

// Every entity is found by its stable seed id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Keyset pagination and name filters order by (name, id).
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// Timelines and date windows filter events and observations by their first day.
CREATE INDEX entity_date_from IF NOT EXISTS FOR (n:Entity) ON (n.dateFrom);

// Search over names and aliases; "standard-folding" ignores case and diacritics (Shinzō = Shinzo).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// Search over what entities say, not what they are called: descriptions (a statement's
// text is its description), what a figure measures and its qualifier.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Entity) ON EACH [n.description, n.measure, n.qualifier]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// Search over relationship text: what a RELATED_TO relation is, what a treaty did to a territory.
CREATE FULLTEXT INDEX relationship_text IF NOT EXISTS FOR ()-[r:RELATED_TO|AFFECTS_TERRITORY]-() ON EACH [r.relation, r.effect]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
