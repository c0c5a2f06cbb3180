import SchemaBuilder from '@pothos/core';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { authScopesOf, unauthorized, type AuthScopes } from './auth/scopes.js';
import type { Context } from './context.js';
import { isEntityLabel } from './model/graph-model.js';
import { badInput } from './schema/arguments.js';

/** The Pothos schema builder: plugins and the context type only; types live in src/schema/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  AuthScopes: AuthScopes;
}>({
  // Relay first, so that scope checks see decoded global ids.
  plugins: [RelayPlugin, ScopeAuthPlugin],
  scopeAuth: { authScopes: authScopesOf, unauthorizedError: unauthorized },
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // `node`/`nodes` get a clear BAD_USER_INPUT for ids we never issued, not a masked internal error.
    decodeGlobalID: (globalID) => {
      try {
        const decoded = decodeGlobalID(globalID);
        if (isEntityLabel(decoded.typename) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(decoded.id)) return decoded;
      } catch {
        // reported below
      }
      throw badInput('id', 'is not a global id of this API: use the value of an "id" field');
    },
    // `node` and `nodes` are declared in src/schema/node-queries.ts: they accept keys as well as global ids.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    hasNextPageFieldOptions: { description: 'More items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Items come before this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item on this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item on this page.' },
    nodeTypeOptions: { description: 'An object with a global id (Relay).' },
    pageInfoTypeOptions: { description: 'Where a page sits in a connection (Relay).' },
    idFieldOptions: { description: 'Global id: opaque, stable, accepted by `node` and every `ID` argument.' },
  },
});

builder.queryType({
  description: 'Read access to the Russia–Japan entity graph. Every fact carries citations.',
  // Public unless READS_REQUIRE_KEY is set; then a reader key is needed.
  authScopes: { read: true },
});
builder.mutationType({
  description: 'Curation: add and correct cited facts. Every field needs a curator (or admin) API key; see docs/CURATION.md.',
});
