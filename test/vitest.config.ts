import { readFileSync } from 'node:fs'
import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

const root = path.resolve(import.meta.dirname, '..')
const migrations = await readD1Migrations(path.join(root, 'migrations'))

export default defineConfig({
  root,
  plugins: [
    // A function, so the fixture server's port (known once globalSetup has run) reaches the Worker.
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: path.join(root, 'wrangler.toml') },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          // The readers' stylesheet as the file holds it, read here rather than through the Text
          // module rule the Worker imports it with (Vite's ?raw gives CSS files as empty).
          TEST_SITE_CSS: readFileSync(path.join(root, 'src/ui/site.css'), 'utf8'),
          AUTH_PEPPER: 'pepper-used-only-by-the-tests',
          // The fixture pages and the importer's image server, both on this machine.
          CURATION_ALLOW_HOSTS: `127.0.0.1:${inject('fixturePort')},${new URL(inject('imageServer')).host}`,
        },
        // Cloudflare Images (Sharp locally) under another name: the app runs without IMAGES unless
        // a test hands this one in, so both paths are tested.
        images: { binding: 'TEST_IMAGES' },
        // Cloudflare Email Service as Miniflare simulates it (it parses what it is given), under
        // another name for the same reason: the app sends through EMAIL only when a test binds it.
        email: { send_email: [{ name: 'TEST_EMAIL' }] },
      },
    })),
  ],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/browser/**', 'test/bench/**', 'test/build/**'],
    // Local HTTP servers on 127.0.0.1: pages for curated notes, images for the importer.
    globalSetup: ['test/support/fixture-pages.ts', 'test/support/image-server.ts'],
    setupFiles: ['test/apply-migrations.ts'],
    // CommonJS packages whose extension-less imports workerd cannot resolve on its own.
    deps: {
      optimizer: { ssr: { enabled: true, include: ['node-html-parser'] } },
    },
  },
})
