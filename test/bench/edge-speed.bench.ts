/**
 * `npm run bench`, part one: reader pages served by the bundled Worker in local workerd, in one
 * run, with the page cache on and off, against a static asset (the ceiling). Then the "far
 * database" mode: the same Worker with every D1 call delayed by 100 ms (test/bench/far-database.ts),
 * as a reader on another continent than the database sees it. Between the two, requests that
 * could once skip the page cache, against the cached home. Prints ratios, not verdicts.
 */
import { createDb } from '../../src/db/client'
import { createPost } from '../../src/features/posts/writes'
import { ADMIN_STYLESHEET_HREF } from '../../src/ui/assets'
import { startLocalWorker, type LocalWorker } from '../support/local-worker'
import { CONNECTIONS, formatRow, measure, ROUND_MS, ROUNDS, type Summary } from './load'

/** Enough posts for a sixth Load More (posts 61 to 70) below the demo content. */
const TOTAL_POSTS = 130
const DAY = 86_400_000
const FRAGMENT = { 'HX-Request': 'true' }

async function addOlderPosts(worker: LocalWorker) {
  const d1 = await worker.miniflare.getD1Database('DB')
  const db = createDb(d1 as unknown as D1Database)
  const { listed } = (await d1
    .prepare("SELECT COUNT(*) AS listed FROM posts WHERE status <> 'draft'")
    .first<{ listed: number }>())!
  const { author } = (await d1.prepare('SELECT MIN(id) AS author FROM authors').first<{
    author: number
  }>())!
  for (let n = listed; n < TOTAL_POSTS; n++) {
    await createPost(db, {
      slug: `archive-${n}`,
      title: `Archive post ${n}`,
      excerpt: 'From the archive.',
      markdown: 'From the archive.',
      html: '<p>From the archive.</p>',
      status: 'published',
      language: 'en',
      publishedAt: new Date(Date.now() - (400 + n) * DAY),
      authorId: author,
      categoryIds: [],
    })
  }
}

async function start(vars: Record<string, string>, entry?: string) {
  const worker = await startLocalWorker({ demoContent: true, vars, entry })
  await addOlderPosts(worker)
  return worker
}

const loadMoreHref = (html: string) =>
  /class="load-more" href="([^"]+)"/.exec(html)?.[1].replace(/&amp;/g, '&') ?? null

/** The URL of the n-th Load More, found by following the list as htmx would. */
async function nthLoadMore(base: string, n: number) {
  let html = await (await fetch(`${base}/`)).text()
  for (let i = 1; ; i++) {
    const href = loadMoreHref(html)
    if (!href) throw new Error(`the list ends before Load More number ${n}`)
    if (i === n) return `${base}${href}`
    html = await (await fetch(`${base}${href}`, { headers: FRAGMENT })).text()
  }
}

async function middlePost(base: string) {
  const list = await (await fetch(await nthLoadMore(base, 3), { headers: FRAGMENT })).text()
  return `${base}${/<h2><a href="([^"]+)"/.exec(list)![1]}`
}

function ratio(label: string, a: Summary, b: Summary, target: string) {
  console.log(`${label.padEnd(46)} ${(a.rps / b.rps).toFixed(2)}   (target ${target})`)
}

async function localRun() {
  const on = await start({ PAGE_CACHE: 'on' })
  const off = await start({ PAGE_CACHE: 'off' })
  try {
    const sixth = await nthLoadMore(off.url, 6)
    const post = await middlePost(off.url)
    const r = await measure([
      { name: 'static asset', url: `${on.url}${ADMIN_STYLESHEET_HREF}` },
      { name: 'home, cached', url: `${on.url}/` },
      { name: 'home, cache off', url: `${off.url}/` },
      { name: 'sixth Load More, cache off', url: sixth, headers: FRAGMENT },
      { name: 'post page, cache off', url: post },
      { name: 'post page, cached', url: post.replace(off.url, on.url) },
    ])
    console.log(
      `Local workerd, ${CONNECTIONS} connections, ${ROUNDS} rotated rounds of ${ROUND_MS} ms, ${TOTAL_POSTS} posts`,
    )
    for (const [name, summary] of r) console.log(formatRow(name, summary))
    const get = (name: string) => r.get(name)!
    ratio('cached home / static asset', get('home, cached'), get('static asset'), '≥ 0.8')
    ratio(
      'post page / home, both uncached',
      get('post page, cache off'),
      get('home, cache off'),
      '≥ 0.9',
    )
    ratio(
      'sixth Load More / first page, both uncached',
      get('sixth Load More, cache off'),
      get('home, cache off'),
      '≥ 0.9',
    )
  } finally {
    await Promise.all([on.dispose(), off.dispose()])
  }
}

const random = () => Math.random().toString(36).slice(2, 10)

/** Requests that once went to D1 every time, each against the cached home page. */
async function bypassRun() {
  const on = await start({ PAGE_CACHE: 'on' })
  try {
    const fakeSession = `__Host-session=${'A'.repeat(43)}`
    const r = await measure([
      { name: 'home, cached', url: `${on.url}/` },
      { name: 'fake session cookie', url: `${on.url}/`, headers: { Cookie: fakeSession } },
      { name: 'random query', url: () => `${on.url}/?x=${random()}` },
      { name: 'random utm', url: () => `${on.url}/?utm_source=${random()}` },
      { name: 'random 404 path', url: () => `${on.url}/no-such-${random()}`, status: 404 },
      { name: 'same 404 repeated', url: `${on.url}/no-such-page`, status: 404 },
      { name: 'HEAD', url: `${on.url}/`, method: 'HEAD' },
    ])
    console.log(`\nCache bypass attempts against the cached home`)
    for (const [name, summary] of r) console.log(formatRow(name, summary))
    const home = r.get('home, cached')!
    for (const [name, summary] of r) {
      if (name !== 'home, cached') ratio(`${name} / cached home`, summary, home, '≥ 0.8')
    }
  } finally {
    await on.dispose()
  }
}

async function farDatabaseRun() {
  const entry = 'test/bench/far-database.ts'
  const on = await start({ PAGE_CACHE: 'on' }, entry)
  const off = await start({ PAGE_CACHE: 'off' }, entry)
  try {
    const post = (await middlePost(off.url)).slice(off.url.length)
    const r = await measure([
      { name: 'home, cached', url: `${on.url}/` },
      { name: 'home, cache off', url: `${off.url}/` },
      { name: 'post page, cached', url: `${on.url}${post}` },
      { name: 'post page, cache off', url: `${off.url}${post}` },
    ])
    console.log(`\nFar database: every D1 call delayed by 100 ms`)
    for (const [name, summary] of r) console.log(formatRow(name, summary))
  } finally {
    await Promise.all([on.dispose(), off.dispose()])
  }
}

await localRun()
await bypassRun()
await farDatabaseRun()
