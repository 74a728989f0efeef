# syntax=docker/dockerfile:1
# Brug: one image for the API with its web UI (node dist/main.js) and the workers (node dist/worker.js).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json ./web/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY web ./web
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
# Fewer glibc malloc arenas for the thread pool (argon2): lower resident memory. A fixed mmap
# threshold: each password hash's 19 MiB block is mapped and returned to the system when freed,
# instead of staying in an arena (glibc's moving threshold kept about 60 MB after five sign-ins).
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
# A heap limit under 2 GB: V8 then lets the heap grow to about twice what lived after a full
# collection before the next one, instead of four times (ADR 48). Far above what Brug holds.
# Semi-spaces of 8 MB instead of the 16 MB V8 grows them to under load: about 20 MB less
# resident memory at the same throughput (ADR 52).
ENV NODE_OPTIONS="--max-old-space-size=1536 --max-semi-space-size=8"
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/web/dist ./web/dist
# Where documents (DOCUMENT_STORE=fs) and unfinished resumable uploads live; mount volumes here.
RUN mkdir -p /app/data/documents /app/data/uploads /data/uploads \
 && chown -R node:node /app/data /data
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
