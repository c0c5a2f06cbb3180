/**
 * The one Neo4j version everything runs: the local launcher (neo4j/pom.xml),
 * docker-compose.yml and testcontainers. A test keeps the three in step.
 * 5.26 is the LTS line and the last that runs on Java 17, which our machines have.
 */
export const NEO4J_VERSION = '5.26.31';
