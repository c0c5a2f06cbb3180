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
