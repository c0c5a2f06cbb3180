// The database schema. Applied at every start; every statement is idempotent.
// src/db/apply-schema.ts runs the statements in order, one per transaction.

// Every entity is found by its stable seed id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Relationships are found by their stable id (curation, `relationship(id:)`). Neo4j indexes
// relationship properties per type, so there is one range index per relationship type of the
// model, `relationship_id_<type>`: src/db/apply-schema.ts creates them from the model's list
// (src/db/relationship-lookup.ts), so a new type gets its index without an edit here.

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

// Curation (docs/CURATION.md). A retracted entity is relabelled :Retracted and a retracted
// relationship is archived as a :RetractedRelationship node: ids stay reserved, and the seed
// loader skips them.
CREATE CONSTRAINT retracted_id IF NOT EXISTS FOR (n:Retracted) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT retracted_relationship_id IF NOT EXISTS FOR (n:RetractedRelationship) REQUIRE n.id IS UNIQUE;
CREATE INDEX retracted_relationship_with IF NOT EXISTS FOR (n:RetractedRelationship) ON (n.retractedWith);

// Revisions are immutable change records, found by id and by the fact they changed.
CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (n:Revision) REQUIRE n.id IS UNIQUE;
CREATE INDEX revision_target IF NOT EXISTS FOR (n:Revision) ON (n.targetId);

// The text of sources added through curation, so that line citations can be checked.
CREATE CONSTRAINT source_text_file IF NOT EXISTS FOR (n:SourceText) REQUIRE n.fileName IS UNIQUE;

// API keys (src/auth/): stored hashed, found by id.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.id IS UNIQUE;
