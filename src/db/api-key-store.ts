import type { Scope } from '../auth/api-keys.js';
import type { Database } from './database.js';

/** An API key as stored: its hash, never the token. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly scope: Scope;
  readonly hash: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

const KEY_PROJECTION = 'k { .id, .name, .scope, .hash, .createdAt, revokedAt: k.revokedAt }';

/**
 * API keys live in Neo4j as `:ApiKey` nodes (not `:Entity`, so no read of the
 * graph sees them): one store for every server instance, backed up with the
 * data, revocation effective at once for all of them.
 */
export class ApiKeyStore {
  constructor(private readonly db: Database) {}

  async create(key: { id: string; name: string; scope: Scope; hash: string }): Promise<ApiKeyRecord> {
    return this.db.write('api-key-create', async (tx) => {
      const result = await tx.run(
        `CREATE (k:ApiKey {id: $id, name: $name, scope: $scope, hash: $hash, createdAt: toString(datetime())})
         RETURN ${KEY_PROJECTION} AS k`,
        key,
      );
      return result.records[0]?.get('k') as ApiKeyRecord;
    });
  }

  /** Revokes a key; false when no such key exists (or it was revoked already). */
  async revoke(id: string): Promise<boolean> {
    return this.db.write('api-key-revoke', async (tx) => {
      const result = await tx.run(
        `MATCH (k:ApiKey {id: $id}) WHERE k.revokedAt IS NULL SET k.revokedAt = toString(datetime()) RETURN k.id AS id`,
        { id },
      );
      return result.records.length > 0;
    });
  }

  async list(): Promise<ApiKeyRecord[]> {
    const rows = await this.db.read('api-key-list', `MATCH (k:ApiKey) RETURN ${KEY_PROJECTION} AS k ORDER BY k.createdAt`);
    return rows.map((row) => row['k'] as ApiKeyRecord);
  }

  /** The live (not revoked) key with this id, or null. */
  async findLive(id: string): Promise<ApiKeyRecord | null> {
    const rows = await this.db.read(
      'api-key-find',
      `MATCH (k:ApiKey {id: $id}) WHERE k.revokedAt IS NULL RETURN ${KEY_PROJECTION} AS k`,
      { id },
    );
    return (rows[0]?.['k'] as ApiKeyRecord | undefined) ?? null;
  }
}
