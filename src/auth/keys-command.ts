import type { ApiKeyStore } from '../db/api-key-store.js';
import { generateApiKey, isScope, SCOPES } from './api-keys.js';

const USAGE = `usage: npm run keys -- create <name> <${SCOPES.join('|')}> | revoke <id> | list`;

/** Runs one key command; returns the exit code. Separate from the CLI's connection so tests drive it. */
export async function runKeysCommand(args: readonly string[], store: ApiKeyStore, print: (line: string) => void): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'create') {
    const [name, scope] = rest;
    if (!name || !scope || !isScope(scope)) {
      print(USAGE);
      return 2;
    }
    const key = generateApiKey();
    await store.create({ id: key.id, name, scope, hash: key.hash });
    print(`created key ${key.id} (${scope}) for ${name}; it is shown only once:`);
    print(key.token);
    return 0;
  }
  if (command === 'revoke') {
    const [id] = rest;
    if (!id) {
      print(USAGE);
      return 2;
    }
    const revoked = await store.revoke(id);
    print(revoked ? `revoked key ${id}` : `no live key ${id}`);
    return revoked ? 0 : 1;
  }
  if (command === 'list') {
    for (const key of await store.list()) print(`${key.id}\t${key.scope}\t${key.name}\tcreated ${key.createdAt}${key.revokedAt ? `\trevoked ${key.revokedAt}` : ''}`);
    return 0;
  }
  print(USAGE);
  return 2;
}
