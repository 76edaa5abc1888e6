# syntax=docker/dockerfile:1
# One image for every Glimmer service. Build:  docker build -t glimmer:local .
# Run a service:   docker run glimmer:local dist/apps/<service>/src/main.js serve
# Run its migrate: docker run glimmer:local dist/apps/<service>/src/main.js migrate
# The default command serves the gateway (ENTRYPOINT is node, so CMD is node's arguments).
ARG NODE_IMAGE=node:20-bookworm-slim

# ── deps: every dependency (dev included), cached on the lock file alone ──────────────────
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV SCARF_ANALYTICS=false NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ── build: TypeScript → dist/apps/<service>/src/main.js ──────────────────────────────────
FROM deps AS build
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build

# ── prod-deps: production dependencies only ──────────────────────────────────────────────
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV SCARF_ANALYTICS=false NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ── runtime: node, production node_modules and the compiled code; runs as a non-root user ──
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
# Uploaded files (FILE_STORAGE_DIR): the one place the service user writes; Compose mounts a
# volume here (a new volume takes this directory's owner).
RUN mkdir -p /data/files && chown 1000:1000 /data/files
# The files belong to root and are read-only for the service user (uid 1000, `node` in the
# base image); numeric, so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
# gateway HTTP; back-end services serve health and metrics on HEALTH_PORT.
EXPOSE 3000
ENTRYPOINT ["node"]
CMD ["dist/apps/gateway/src/main.js", "serve"]
