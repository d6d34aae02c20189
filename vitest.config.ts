import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// One copy of yjs for every import: two instances in one process break `instanceof` checks
// and Yjs warns that documents from the other copy are corrupt.
const resolveConfig = {
  alias: { '@shared': resolve(import.meta.dirname, 'src/shared') },
  dedupe: ['yjs'],
}

export default defineConfig({
  resolve: resolveConfig,
  test: {
    projects: [
      {
        resolve: resolveConfig,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
        },
      },
      {
        resolve: resolveConfig,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
})
