# Soporte server image: build stage compiles server, CLI and add-in; the runtime stage has the compiled output
# and production dependencies only, runs as a non-root user and reports health on /healthz.
#   docker build -t soporte .
#   docker run -p 8080:8080 -v soporte-data:/data --env-file soporte.env soporte
# Settings: see docs/deployment.md (production refuses to start without a bot identity, Entra API, service identity).

# ---- build: dev dependencies, tsc + esbuild -------------------------------------------------------------------
FROM node:22-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY shared ./shared
COPY addin ./addin
COPY scripts ./scripts
RUN npm run build

# ---- production dependencies only (native modules built for this image's Node) --------------------------------
FROM node:22-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime ----------------------------------------------------------------------------------------------------
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/data ADDIN_DIR=/app/dist/addin
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
COPY bin ./bin
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/bot/main.js"]
