import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

const root = path.resolve(import.meta.dirname, '..')

export default defineConfig({
  root,
  plugins: [
    cloudflareTest({
      wrangler: { configPath: path.join(root, 'wrangler.toml') },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(path.join(root, 'migrations')),
          AUTH_PEPPER: 'pepper-used-only-by-the-tests',
        },
        // Cloudflare Images (Sharp locally) under another name: the app runs without IMAGES unless
        // a test hands this one in, so both paths are tested.
        images: { binding: 'TEST_IMAGES' },
      },
    }),
  ],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/browser/**', 'test/bench/**', 'test/build/**'],
    setupFiles: ['test/apply-migrations.ts'],
    globalSetup: ['test/support/image-server.ts'],
    // CommonJS packages whose extension-less imports workerd cannot resolve on its own.
    deps: {
      optimizer: { ssr: { enabled: true, include: ['node-html-markdown', 'node-html-parser'] } },
    },
  },
})
