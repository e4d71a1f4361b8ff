# One image for every process; docker-compose.yml picks which one a container runs.
# Debian-based (not alpine): Temporal's worker ships a native module built against glibc.
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production

# Dependencies first, so code changes reuse this layer. tsx runs the TypeScript directly: no build step.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .
RUN mkdir -p .data && chown node:node .data

USER node
CMD ["npx", "tsx", "api/main.ts"]
