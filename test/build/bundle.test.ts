/**
 * The Worker as `wrangler deploy` builds it: minified, with a source map that points back to
 * `src/`, and well under the budget the README states.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { gzipSync } from 'node:zlib'

const root = path.resolve(import.meta.dirname, '../..')
/**
 * Measured at 300 KiB gzipped once minified, with the importer (HTML parser, Markdown converter,
 * streaming XML reader, zip) and the sanitizer's HTML parser; 98 KiB before those; 340 KiB with
 * invitations, recovery, the audit log, the mail layer and `jose` for Cloudflare Access (6 KiB of
 * the 21 added); 444 KiB with passkeys, 99 KiB of them `@simplewebauthn/server` (its attestation
 * verifiers bring X.509 and ASN.1 parsers); 585 KiB with the MCP server and OAuth (134 KiB added:
 * `@modelcontextprotocol/sdk` with zod, the Cloudflare JSON Schema validator and Ajv, its default
 * validator, bundled though never run, about 90 on its own; `@cloudflare/workers-oauth-provider`
 * about 31; the tools, tokens, consent screen and `@valibot/to-json-schema` the rest); 607 KiB with
 * the settings, navigation and pages admin (16 KiB); 621 KiB with email subscriptions (14 KiB:
 * the queue consumer, messages and CSV import). Cloudflare allows 3 MB (free) and 10 MB
 * (paid) compressed; the budget catches a dependency pulled in by mistake.
 */
const GZIP_BUDGET_BYTES = 640 * 1024

test('the deployed bundle is minified and ships a source map', () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'edge-blog-bundle-'))
  try {
    const result = spawnSync(
      'npx',
      ['--no-install', 'wrangler', 'deploy', '--dry-run', '--outdir', outdir],
      { cwd: root, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
    )
    assert.equal(result.status, 0, result.stderr)
    const code = readFileSync(path.join(outdir, 'index.js'))
    const lines = code.toString('utf8').split('\n').length
    assert.ok(lines < 1000, `expected minified code, got ${lines} lines`)
    const gzipped = gzipSync(code).length
    assert.ok(gzipped < GZIP_BUDGET_BYTES, `bundle is ${gzipped} bytes gzipped`)

    const map = JSON.parse(readFileSync(path.join(outdir, 'index.js.map'), 'utf8'))
    assert.ok(
      map.sources.some((source: string) =>
        source.endsWith('src/features/page-cache/middleware.ts'),
      ),
      'the source map names the project’s own files',
    )

    // The readers' stylesheet travels as a Text module (wrangler.toml [[rules]]), unchanged.
    const stylesheet = readdirSync(outdir).find((name) => name.endsWith('-site.css'))
    assert.ok(stylesheet, `no stylesheet module among ${readdirSync(outdir).join(', ')}`)
    assert.equal(
      readFileSync(path.join(outdir, stylesheet), 'utf8'),
      readFileSync(path.join(root, 'src/ui/site.css'), 'utf8'),
    )
    assert.ok(code.toString('utf8').includes(`from"./${stylesheet}"`), 'index.js imports it')
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
})
