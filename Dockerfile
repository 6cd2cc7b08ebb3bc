# syntax=docker/dockerfile:1
# Production image of the Billing Admin Console (docs/DEPLOY.md). Two stages: the build (every
# dependency, next build with output: 'standalone') and the runtime (Node, the standalone server,
# the migrations and their runner, nothing else), run as the unprivileged `node` user.
# The runtime's layout and start come from scripts/container/ (assemble.sh, entrypoint.sh,
# healthcheck.mjs), which `npm run test:container` runs the same way where no Docker engine is.

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# The postinstall step generates the Prisma client from the schema.
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
RUN npm ci
COPY . .
RUN npx next build && bash scripts/container/assemble.sh /runtime

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
WORKDIR /app
# Owned by root, readable by all: the server cannot rewrite its own code.
COPY --from=build /runtime /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["node", "/app/healthcheck.mjs"]
CMD ["/app/entrypoint.sh"]
