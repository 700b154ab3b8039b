/**
 * Importer speed (part of `npm run bench`): a generated WordPress export of 5,000 posts and 10,000
 * terms, parsed as a stream and written to a fresh local D1 through the same code as
 * `npm run import` (images off). Prints posts per second and the process's peak memory.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getPlatformProxy } from 'wrangler'
import { createDb } from '../../src/db/client'
import { stringChunks } from '../../src/import/chunks'
import { d1RedirectWriter } from '../../src/import/redirects'
import { runImport } from '../../src/import/run'
import { parseWxr } from '../../src/import/wxr'

process.env.WRANGLER_SEND_METRICS ??= 'false'
const POSTS = Number(process.env.BENCH_IMPORT_POSTS ?? 5000)
const TERMS = Number(process.env.BENCH_IMPORT_TERMS ?? 10000)

function generatedExport() {
  const terms: string[] = []
  for (let t = 0; t < TERMS; t++) {
    terms.push(
      t % 2 === 0
        ? `<wp:category><wp:term_id>${t}</wp:term_id><wp:category_nicename><![CDATA[categorie-${t}]]></wp:category_nicename><wp:cat_name><![CDATA[Catégorie ${t}]]></wp:cat_name></wp:category>`
        : `<wp:tag><wp:term_id>${t}</wp:term_id><wp:tag_slug><![CDATA[etiquette-${t}]]></wp:tag_slug><wp:tag_name><![CDATA[Étiquette ${t}]]></wp:tag_name></wp:tag>`,
    )
  }
  const items: string[] = []
  for (let p = 1; p <= POSTS; p++) {
    const day = String((p % 28) + 1).padStart(2, '0')
    const month = String((p % 12) + 1).padStart(2, '0')
    items.push(`<item><title><![CDATA[Billet ${p} : l’hôtel « idéal »]]></title>
<link>https://old.example/${2010 + (p % 14)}/${month}/billet-${p}/</link>
<dc:creator><![CDATA[auteur-${p % 20}]]></dc:creator>
<guid isPermaLink="false">https://old.example/?p=${p}</guid>
<content:encoded><![CDATA[<!-- wp:paragraph --><p>Le petit-déjeuner est le dernier souvenir d’un séjour, écrit pour le billet ${p}.</p><!-- /wp:paragraph -->
<h2>Une section</h2><ul><li>un</li><li>deux</li></ul><blockquote><p>Une citation.</p></blockquote>
<p>Voir <a href="https://example.org/${p}">la source</a> et <strong>le reste</strong>.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${p}</wp:post_id>
<wp:post_date_gmt><![CDATA[${2010 + (p % 14)}-${month}-${day} 08:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[billet-${p}]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="categorie-${(p * 2) % TERMS}"><![CDATA[Catégorie]]></category>
<category domain="post_tag" nicename="etiquette-${((p * 2) % TERMS) + 1}"><![CDATA[Étiquette]]></category>
</item>`)
  }
  const authors = Array.from(
    { length: 20 },
    (_, a) =>
      `<wp:author><wp:author_login><![CDATA[auteur-${a}]]></wp:author_login><wp:author_display_name><![CDATA[Auteur ${a}]]></wp:author_display_name></wp:author>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://old.example</wp:base_blog_url>
${authors.join('\n')}
${terms.join('\n')}
${items.join('\n')}
</channel></rss>`
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-bench-'))
  const proxy = await getPlatformProxy<Env>({ persist: { path: dir } })
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  try {
    const migrations = path.resolve(import.meta.dirname, '../../migrations')
    for (const file of readdirSync(migrations)
      .filter((f) => f.endsWith('.sql'))
      .sort())
      for (const statement of readFileSync(path.join(migrations, file), 'utf8').split(
        '--> statement-breakpoint',
      ))
        if (statement.trim()) await proxy.env.DB.prepare(statement).run()
    const xml = generatedExport()
    const megabytes = (Buffer.byteLength(xml) / 1e6).toFixed(1)
    const db = createDb(proxy.env.DB)
    const started = performance.now()
    const blog = await parseWxr(stringChunks(xml))
    const parsed = performance.now()
    const report = await runImport(db, blog, {
      dryRun: false,
      redirects: d1RedirectWriter(db),
      onProgress: (done) =>
        process.env.BENCH_TRACE &&
        console.log(done, ((performance.now() - started) / 1000).toFixed(1)),
    })
    const seconds = (performance.now() - started) / 1000
    console.log(
      `Import of ${POSTS} posts and ${TERMS} terms (${megabytes} MB WXR): ` +
        `${(POSTS / seconds).toFixed(0)} posts/s (${seconds.toFixed(1)} s, parse ${((parsed - started) / 1000).toFixed(1)} s), ` +
        `peak memory ${(peak / 1e6).toFixed(0)} MB; ` +
        `${report.counts.posts.created} posts, ${report.counts.categories.created} categories, ${report.counts.redirects.created} redirects written`,
    )
  } finally {
    clearInterval(sampler)
    await proxy.dispose()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
