# syntax=docker/dockerfile:1
# The GraphQL API. Neo4j runs beside it (docker-compose.yml); the API waits
# for it, applies cypher/schema.cypher and loads seed/ when the graph is empty.
# The server needs no build step: tsx (a runtime dependency) runs the TypeScript.
# The graph explorer's static page (/explore) is bundled in its own stage.

# --- deps: production dependencies only --------------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- explorer: the graph explorer's and the playground's assets, built with the devDependencies ---
FROM node:20-bookworm-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src ./src
COPY explorer ./explorer
RUN npm run build:explorer && npm run build:playground

# --- runtime -------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
# Owned by root and read-only for the app user: the process never writes here
# (tsx keeps its cache under /tmp).
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY cypher ./cypher
COPY seed ./seed
COPY schema ./schema
COPY --from=explorer /app/explorer/dist ./explorer/dist
COPY --from=explorer /app/dist/playground ./dist/playground
USER node
EXPOSE 4000
# The server listens only after Neo4j answers and the seed is loaded, hence the
# long start period (bootstrap waits up to 120 s for Neo4j).
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "src/server.ts"]
