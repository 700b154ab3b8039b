import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import worker from '../../../src/index'
import { CONTENT_STATE_MAX_AGE_MS } from '../../../src/features/page-cache/keys'
import { readContentState } from '../../../src/features/page-cache/content-version'
import {
  redirectRowsStatements,
  runStatements,
} from '../../../src/features/import-export/import/imported-rows'
import { authors, posts, type Media } from '../../../src/db/schema'
import { createEditor, logIn, ORIGIN, postFields } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import { storeSample } from '../../media-helpers'
import * as samples from '../../media-samples'
import { noteForm } from '../../note-helpers'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let cookie: string
let banner: Media

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  banner = await storeSample(samples.pngWithMetadata, 'Façade')
  await createEditor('triggers@blog.example', 'owner')
  cookie = await logIn('triggers@blog.example')
})

/**
 * A request through the Worker, waiting for what it does after answering (cache writes). With a
 * form, it is the editor's POST; without, a reader's GET.
 */
async function visit(path: string, form?: Record<string, string | string[]>) {
  const ctx = createExecutionContext()
  const init: RequestInit = { redirect: 'manual' }
  if (form) {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(form))
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    init.method = 'POST'
    init.body = body
    init.headers = {
      Cookie: cookie,
      Origin: ORIGIN,
      'Content-Type': 'application/x-www-form-urlencoded',
    }
  }
  const request = new Request(`${ORIGIN}${path}`, init)
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], env, ctx)
  const body = await response.text()
  await waitOnExecutionContext(ctx)
  return { response, body, cache: response.headers.get('X-Page-Cache') }
}

/** The page as the cache serves it: asked twice, the second answer must be a hit. */
async function cachedPage(path: string) {
  await visit(path)
  const again = await visit(path)
  expect(again.cache, path).toBe('hit')
  return again
}

async function editorPosts(path: string, form: Record<string, string | string[]>) {
  const { response } = await visit(path, form)
  expect(response.status, `${path}: ${response.headers.get('Location')}`).toBe(303)
}

async function postBySlug(slug: string) {
  const [post] = await db.select().from(posts).where(eq(posts.slug, slug))
  return post
}

/** A published post written through the editor, as the form sends it. */
function postForm(overrides: Record<string, string | string[]>) {
  return postFields(ids.author.id, { language: 'en', status: 'published', ...overrides })
}

async function publish(overrides: Record<string, string | string[]>) {
  await editorPosts('/admin/posts', postForm(overrides))
  return postBySlug(String(overrides.slug))
}

/** Saves the post again through the editor, from its current version, with `overrides`. */
async function resave(
  post: typeof posts.$inferSelect,
  overrides: Record<string, string | string[]>,
) {
  await editorPosts(
    `/admin/posts/${post.id}`,
    postForm({
      title: post.title,
      slug: post.slug,
      markdown: post.markdown,
      version: String(post.version),
      ...overrides,
    }),
  )
}

describe('an editor’s write reaches cached reader pages on the very next request', () => {
  it('a post’s new title, on its page and on the home page', async () => {
    const post = await publish({ title: 'Premier titre', slug: 'titre-change', markdown: 'Corps.' })
    expect((await cachedPage('/posts/titre-change')).body).toContain('Premier titre')
    expect((await cachedPage('/')).body).toContain('Premier titre')

    await resave(post, { title: 'Second titre' })

    const page = await visit('/posts/titre-change')
    expect(page.body).toContain('Second titre')
    expect(page.body).not.toContain('Premier titre')
    expect((await visit('/')).body).toContain('Second titre')
  })

  it('a new category typed in the post form, on the categories index and its own page', async () => {
    const post = await publish({ title: 'Classé', slug: 'classe', markdown: 'Corps.' })
    expect((await cachedPage('/categories')).body).not.toContain('Carnets de route')
    expect((await cachedPage('/categories/carnets-de-route')).response.status).toBe(404)

    await resave(post, { newCategory: 'Carnets de route' })

    expect((await visit('/categories')).body).toContain('Carnets de route')
    const category = await visit('/categories/carnets-de-route')
    expect(category.response.status).toBe(200)
    expect(category.body).toContain('href="/posts/classe"')
  })

  it('an author profile’s new name and bio, on the author page and the author’s posts', async () => {
    await publish({ title: 'Signé', slug: 'signe', markdown: 'Corps.' })
    expect((await cachedPage('/authors/claire-dubois')).body).toContain('Claire Dubois')
    expect((await cachedPage('/posts/signe')).body).toContain('Claire Dubois')

    await editorPosts(`/admin/authors/${ids.author.id}`, {
      name: 'Claire Dubois-Marchand',
      slug: 'claire-dubois',
      bio: 'Écrit depuis Lyon.',
      userId: '',
    })

    const authorPage = await visit('/authors/claire-dubois')
    expect(authorPage.body).toContain('Claire Dubois-Marchand')
    expect(authorPage.body).toContain('Écrit depuis Lyon.')
    expect((await visit('/posts/signe')).body).toContain('Claire Dubois-Marchand')
  })

  it('a featured image’s new alt text, on the post page', async () => {
    const post = await publish({
      title: 'Illustré',
      slug: 'illustre',
      markdown: 'Corps.',
      featuredImage: `/media/${banner.key}`,
      featuredImageAlt: 'La façade',
    })
    expect((await cachedPage('/posts/illustre')).body).toContain('alt="La façade"')

    await resave(post, {
      featuredImage: `/media/${banner.key}`,
      featuredImageAlt: 'La façade au soleil',
    })

    expect((await visit('/posts/illustre')).body).toContain('alt="La façade au soleil"')
  })

  it('a note’s new title, on the notes list and its page', async () => {
    await editorPosts('/admin/notes', noteForm(ids, { title: 'Note avant' }))
    const note = await postBySlug('note-avant')
    expect((await cachedPage('/notes')).body).toContain('Note avant')
    expect((await cachedPage('/posts/note-avant')).body).toContain('Note avant')

    await editorPosts(
      `/admin/notes/${note.id}`,
      noteForm(ids, { title: 'Note après', version: String(note.version) }),
    )

    expect((await visit('/notes')).body).toContain('Note après')
    expect((await visit('/posts/note-avant')).body).toContain('Note après')
  })

  it('a post moved to the trash, gone from its address', async () => {
    const post = await publish({ title: 'Jeté', slug: 'jete', markdown: 'Corps.' })
    expect((await cachedPage('/posts/jete')).response.status).toBe(200)

    await editorPosts(`/admin/posts/${post.id}/delete`, {})

    expect((await visit('/posts/jete')).response.status).toBe(404)
  })

  it('an imported redirect raises the version: a cached 404 answers with it once the state is read again', async () => {
    expect((await cachedPage('/ancienne-adresse')).response.status).toBe(404)
    const before = (await readContentState(db, Date.now())).version

    // As an import writes it: from outside any editor's request (a Workflow, the command line).
    await runStatements(
      db,
      redirectRowsStatements(db, [{ from: '/ancienne-adresse', to: '/posts/signe' }]),
    )
    expect((await readContentState(db, Date.now())).version).toBeGreaterThan(before)

    // Other data centres read the state again within its maximum age.
    vi.useFakeTimers({ now: Date.now() + CONTENT_STATE_MAX_AGE_MS + 1, toFake: ['Date'] })
    try {
      const moved = await visit('/ancienne-adresse')
      expect(moved.response.status).toBe(301)
      expect(moved.response.headers.get('Location')).toBe('/posts/signe')
    } finally {
      vi.useRealTimers()
    }
  })
})

/** Tables whose rows some reader page, fragment, feed or sitemap shows. */
const SHOWN = [
  'authors',
  'categories',
  // Approved comments under posts (held and spam ones bump nothing: the triggers' WHEN).
  'comments',
  'comment_settings',
  'media',
  'navigation_menus',
  'posts',
  'posts_categories',
  'posts_media',
  'redirect_query_names',
  'redirects',
  'site_settings',
]
/** Tables no reader page reads (see migration 0012 for why each). */
const NOT_SHOWN = [
  // Agents' tokens and request counts (MCP): admin only.
  'access_tokens',
  'agent_request_counts',
  'audience_daily_counts',
  'audience_daily_visitors',
  'audience_salts',
  'audience_shard_flushes',
  'audit_log',
  'content_versions',
  'import_jobs',
  'imported_items',
  'invitations',
  'login_failures',
  'mail_outbox',
  // An editor's passkeys and their challenges: admin only.
  'passkeys',
  'post_revisions',
  // Contributors' drafts under review: admin only (a post under review is a draft).
  'post_reviews',
  'recovery_links',
  // Preview addresses show drafts, never cached (page-cache skips /preview/).
  'preview_links',
  'sessions',
  'users',
  'webauthn_challenges',
  // Follow by email (features/subscriptions): readers' pages show none of it (the form is the
  // same for everyone), so a subscription never changes a cached page.
  'mail_deliveries',
  'mailing_settings',
  'post_mailings',
  'subscribe_attempts',
  'subscriber_erasures',
  'subscribers',
]

const contentVersion = async () => (await readContentState(db, Date.now())).version

describe('the triggers behind it', () => {
  it('every table is either shown to readers, with its three triggers, or known not to be', async () => {
    // D1's and the migrations' own tables, and the search index (kept by the triggers on posts).
    const { results: tables } = await env.DB.prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
        AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name <> 'd1_migrations'
        AND name NOT LIKE 'posts\\_search%' ESCAPE '\\' ORDER BY name`,
    ).all<{ name: string }>()
    expect(tables.map((table) => table.name)).toEqual([...SHOWN, ...NOT_SHOWN].sort())

    const { results: triggers } = await env.DB.prepare(
      `SELECT tbl_name AS tableName, sql FROM sqlite_master
        WHERE type = 'trigger' AND sql LIKE '%content_versions%'`,
    ).all<{ tableName: string; sql: string }>()
    const events = (table: string) =>
      triggers
        .filter((trigger) => trigger.tableName === table)
        .map((trigger) => /AFTER (INSERT|UPDATE|DELETE) ON/.exec(trigger.sql)?.[1])
        .sort()
    for (const table of SHOWN) expect(events(table), table).toEqual(['DELETE', 'INSERT', 'UPDATE'])
    for (const table of NOT_SHOWN) expect(events(table), table).toEqual([])
  })

  it('raises the version by one per row written, as one upserted row', async () => {
    const before = await contentVersion()
    await db.update(authors).set({ bio: 'Une ligne.' }).where(eq(authors.id, ids.otherAuthor.id))
    expect(await contentVersion()).toBe(before + 1)
    await db.update(authors).set({ bio: 'Deux lignes.' })
    expect(await contentVersion()).toBe(before + 3)

    // Runs last: with no row yet, the first write creates it at 1.
    await env.DB.prepare('DELETE FROM content_versions').run()
    await db.update(authors).set({ bio: '' }).where(eq(authors.id, ids.otherAuthor.id))
    const { results } = await env.DB.prepare('SELECT id, version FROM content_versions').all()
    expect(results).toEqual([{ id: 1, version: 1 }])
  })
})
