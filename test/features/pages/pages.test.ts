import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../../src/index'
import { posts } from '../../../src/db/schema'
import { RESERVED_ROOT_SLUGS } from '../../../src/lib/root-addresses'
import { titlesForPaths } from '../../../src/features/audience/page-titles'
import { createEditor, logIn } from '../../admin-helpers'
import { createAuthorAndCategories, createPublishedPosts, db } from '../../fixtures'
import { visit } from '../../site-helpers'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let owner: string

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createPublishedPosts(14, ids.author.id, [ids.essays.id])
  await createEditor('owner@blog.example', 'owner')
  owner = await logIn('owner@blog.example')
})

/** The page form as the editor sends it, every field as typed. */
function pageForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: '',
    slug: '',
    excerpt: '',
    markdown: '',
    language: 'fr',
    authorId: String(ids.author.id),
    status: 'draft',
    publishDate: '',
    publishTime: '',
    timeZone: 'Europe/Paris',
    version: '',
    showInNavigation: '',
    ...overrides,
  }
}

const pageBySlug = async (slug: string) =>
  (await db.select().from(posts).where(eq(posts.slug, slug)))[0]

/** Saves a page through its editor and returns it as stored. */
async function savePage(path: string, overrides: Record<string, string>) {
  const saved = await visit(path, { cookie: owner, form: pageForm(overrides) })
  expect(saved.status, saved.body.slice(0, 3000)).toBe(303)
  expect(saved.response.headers.get('Location')).toMatch(/^\/admin\/pages\/\d+\?saved=1$/)
  return pageBySlug(overrides.slug)
}

/** Saves it again from its current version, as an editor who just opened it. */
async function resave(page: typeof posts.$inferSelect, overrides: Record<string, string>) {
  const current = (await db.select().from(posts).where(eq(posts.id, page.id)))[0]
  const form = {
    title: current.title,
    slug: current.slug,
    markdown: current.markdown,
    status: current.status,
    version: String(current.version),
    ...overrides,
  }
  const saved = await visit(`/admin/pages/${page.id}`, { cookie: owner, form: pageForm(form) })
  expect(saved.status, saved.body.slice(0, 3000)).toBe(303)
}

describe('pages', () => {
  it('are written at /admin/pages/new with Title, Slug, the body and the posts’ status control', async () => {
    const editor = await visit('/admin/pages/new', { cookie: owner })
    expect(editor.status).toBe(200)
    expect(editor.body).toMatch(/<label>Title<input name="title"/)
    expect(editor.body).toMatch(/<label>Slug<input name="slug"/)
    expect(editor.body).toContain('<textarea id="markdown" name="markdown"')
    expect(editor.body).toContain('<input type="radio" name="status" value="draft" checked=""/>')
    expect(editor.body).toContain('<input type="radio" name="status" value="published"/>')
    expect(editor.body).not.toContain('value="scheduled"')
    expect(editor.body).not.toContain('name="categoryIds"')
    expect(editor.body).toContain('action="/admin/pages"')
    expect(editor.body).toContain('data-autosave="/admin/pages/autosave"')

    const list = await visit('/admin/pages', { cookie: owner })
    expect(list.body).toContain('<a href="/admin/pages/new">New page</a>')
  })

  it('are drafts until published, then live at the site’s root without byline or date', async () => {
    const draft = await savePage('/admin/pages', {
      title: 'À propos',
      slug: 'a-propos',
      markdown: 'Une maison **ouverte** depuis 1998.',
    })
    expect(draft.kind).toBe('page')
    expect(draft.status).toBe('draft')
    expect((await visit('/a-propos')).status).toBe(404)
    const preview = await visit(`/admin/pages/${draft.id}/preview`, { cookie: owner })
    expect(preview.body).toContain('Preview: readers cannot see this page yet.')
    expect(preview.body).toContain('<strong>ouverte</strong>')

    await resave(draft, { status: 'published' })
    const page = await visit('/a-propos')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>À propos — ')
    expect(page.body).toContain('<h1>À propos</h1>')
    expect(page.body).toContain('<strong>ouverte</strong>')
    expect(page.body).toContain('<link rel="canonical" href="https://blog.example/a-propos"/>')
    expect(page.body).not.toContain('class="byline"')
    expect(page.body).not.toContain('<time')
    expect(page.body).not.toContain('class="post-nav"')
    expect((await visit('/posts/a-propos')).status).toBe(404)

    const edited = await visit(`/admin/pages/${draft.id}?saved=1`, { cookie: owner })
    expect(edited.body).toContain('Published: the page is live.')
    expect(edited.body).toContain('<a href="/a-propos">View page</a>')
    expect(edited.body).toMatch(/<h2>Revisions<\/h2>[\s\S]*<li>/)
  })

  it('refuse a slug the blog uses itself, with a clear error on the form', async () => {
    for (const slug of [
      'admin',
      'posts',
      'notes',
      'categories',
      'authors',
      'search',
      'feed',
      'media',
      'privacy',
    ]) {
      const refused = await visit('/admin/pages', {
        cookie: owner,
        form: pageForm({ title: 'Piège', slug, status: 'published', markdown: 'x' }),
      })
      expect(refused.status, slug).toBe(422)
      expect(refused.body).toContain(
        'The blog uses this address itself (like /posts or /search). Choose another slug.',
      )
      expect(refused.body).toContain(`value="${slug}"`)
    }
    for (const slug of ['rss.xml', 'sitemap.xml']) {
      const refused = await visit('/admin/pages', {
        cookie: owner,
        form: pageForm({ title: 'Piège', slug, status: 'published' }),
      })
      expect(refused.status, slug).toBe(422)
      expect(refused.body).toContain('id="slug-error"')
    }
    // A title that makes a reserved slug is refused the same way.
    const fromTitle = await visit('/admin/pages', {
      cookie: owner,
      form: pageForm({ title: 'Search', status: 'published' }),
    })
    expect(fromTitle.status).toBe(422)
    expect(await db.select().from(posts).where(eq(posts.title, 'Piège'))).toEqual([])
  })

  it('reserve every address the app answers at its root', () => {
    const firstSegments = new Set(
      app.routes
        .map((route) => route.path.split('/')[1] ?? '')
        .filter((segment) => segment && !segment.startsWith(':') && segment !== '*'),
    )
    expect(firstSegments.size).toBeGreaterThan(8)
    for (const segment of firstSegments) expect(RESERVED_ROOT_SLUGS, segment).toContain(segment)
  })

  it('are in no list, feed, category page or Load More, but in the sitemap and in search', async () => {
    await savePage('/admin/pages', {
      title: 'Nous trouver',
      slug: 'nous-trouver',
      markdown: 'Au bout de la rue des Lanternes.',
      excerpt: 'Adresse et horaires.',
      status: 'published',
    })
    const home = await visit('/')
    expect(home.body).not.toContain('Nous trouver')
    const more = /href="(\/\?after=[^"]+)"/.exec(home.body)![1]
    expect((await visit(more.replace(/&amp;/g, '&'))).body).not.toContain('Nous trouver')
    for (const path of [
      '/notes',
      '/categories/essais',
      '/authors/claire-dubois',
      '/rss.xml',
      '/atom.xml',
      '/feed.json',
    ])
      expect((await visit(path)).body, path).not.toContain('Nous trouver')
    expect((await visit('/sitemap.xml')).body).toContain(
      '<loc>https://blog.example/nous-trouver</loc>',
    )
    const search = await visit('/search?q=lanternes')
    expect(search.body).toContain('href="/nous-trouver"')
    expect(search.body).not.toMatch(/<p class="byline">[^<]*Claire/)

    const admin = await visit('/admin/posts', { cookie: owner })
    expect(admin.body).not.toContain('Nous trouver')
    expect((await visit('/admin/pages', { cookie: owner })).body).toContain('Nous trouver')
  })

  it('put themselves in the header with “Show in navigation”, and take themselves out', async () => {
    const page = await pageBySlug('nous-trouver')
    const form = await visit(`/admin/pages/${page.id}`, { cookie: owner })
    expect(form.body).toContain('Show in navigation')
    expect(form.body).toContain('name="showInNavigation" value="on" aria-describedby')

    await resave(page, { showInNavigation: 'on' })
    expect((await visit('/')).body).toContain('<li><a href="/nous-trouver">Nous trouver</a></li>')
    const current = await visit('/nous-trouver')
    expect(current.body).toContain('<a href="/nous-trouver" aria-current="page">Nous trouver</a>')
    expect((await visit(`/admin/pages/${page.id}`, { cookie: owner })).body).toContain(
      'name="showInNavigation" value="on" checked=""',
    )
    // Listed once, however often it is saved with the box ticked.
    await resave(page, { showInNavigation: 'on' })
    expect((await visit('/')).body.match(/href="\/nous-trouver"/g)).toHaveLength(1)

    // A page back to draft leaves the header until it is published again.
    await resave(page, { showInNavigation: 'on', status: 'draft' })
    expect((await visit('/')).body).not.toContain('href="/nous-trouver"')
    await resave(page, { showInNavigation: 'on', status: 'published' })
    expect((await visit('/')).body).toContain('href="/nous-trouver"')

    await resave(page, { showInNavigation: '' })
    expect((await visit('/')).body).not.toContain('href="/nous-trouver"')
  })

  it('leave their old address behind as a redirect when their slug changes', async () => {
    const page = await pageBySlug('nous-trouver')
    await resave(page, { slug: 'acces', status: 'published' })
    const moved = await visit('/nous-trouver')
    expect(moved.status).toBe(301)
    expect(moved.response.headers.get('Location')).toBe('/acces')
    expect((await visit('/acces')).status).toBe(200)
  })

  it('keep to their own editor, autosave and trash', async () => {
    const page = await pageBySlug('acces')
    const asPost = await visit(`/admin/posts/${page.id}`, { cookie: owner })
    expect(asPost.status).toBe(303)
    expect(asPost.response.headers.get('Location')).toBe(`/admin/pages/${page.id}`)
    const post = await pageBySlug('post-3')
    expect((await visit(`/admin/pages/${post.id}`, { cookie: owner })).status).toBe(404)
    const hijack = await visit(`/admin/pages/${post.id}`, {
      cookie: owner,
      form: pageForm({ title: 'Détourné', slug: 'post-3', version: String(post.version) }),
    })
    expect(hijack.status).toBe(404)

    const autosaved = await visit('/admin/pages/autosave', {
      cookie: owner,
      form: pageForm({ title: 'Mentions légales', markdown: 'Éditeur : Maison & Hôte.' }),
    })
    expect(autosaved.status).toBe(200)
    const url = autosaved.response.headers.get('Post-Url')!
    expect(url).toMatch(/^\/admin\/pages\/\d+$/)
    expect((await pageBySlug('mentions-legales')).kind).toBe('page')

    const trashed = await visit(`/admin/pages/${page.id}/delete`, { cookie: owner, form: {} })
    expect(trashed.response.headers.get('Location')).toBe(`/admin/pages?trashed=${page.id}`)
    expect((await visit('/acces')).status).toBe(404)
    await visit(`/admin/pages/${page.id}/restore`, { cookie: owner, form: {} })
    expect((await visit('/acces')).status).toBe(200)
  })

  it('are the owner’s and editors’: authors and contributors neither see nor change them', async () => {
    const page = await savePage('/admin/pages', {
      title: 'Colophon',
      slug: 'colophon',
      markdown: 'Fait main.',
      status: 'published',
    })
    const editor = await createEditor('pages-editor@blog.example', 'editor')
    const editorCookie = await logIn(editor.email)
    expect((await visit('/admin/pages', { cookie: editorCookie })).status).toBe(200)

    for (const role of ['author', 'contributor'] as const) {
      const account = await createEditor(`pages-${role}@blog.example`, role)
      const cookie = await logIn(account.email)
      const posts = await visit('/admin/posts', { cookie })
      expect(posts.status).toBe(200)
      expect(posts.body).not.toContain('href="/admin/pages"')
      for (const path of ['/admin/pages', '/admin/pages/new', `/admin/pages/${page.id}`])
        expect((await visit(path, { cookie })).status, `${role} ${path}`).toBe(403)
      const form = pageForm({ title: 'Pris', slug: 'colophon', version: String(page.version) })
      const saved = await visit(`/admin/pages/${page.id}`, { cookie, form })
      expect(saved.status, role).toBe(403)
      const created = await visit('/admin/pages', {
        cookie,
        form: pageForm({ title: 'Nouvelle', slug: `nouvelle-${role}`, status: 'draft' }),
      })
      expect(created.status, role).toBe(403)
      const autosaved = await visit('/admin/pages/autosave', {
        cookie,
        form: pageForm({ title: 'Brouillon', slug: `brouillon-${role}` }),
      })
      expect(autosaved.status, role).toBe(403)
      expect((await visit(`/admin/pages/${page.id}/delete`, { cookie, form: {} })).status).toBe(403)
    }
    expect((await pageBySlug('colophon')).title).toBe('Colophon')
    expect(await pageBySlug('nouvelle-author')).toBeUndefined()
    expect(await pageBySlug('brouillon-contributor')).toBeUndefined()
  })

  it('are named by their title in the audience figures', async () => {
    const titles = await titlesForPaths(db, ['/acces', '/search', '/posts/post-3'])
    expect(titles).toEqual(
      new Map([
        ['/acces', 'Nous trouver'],
        ['/posts/post-3', 'Post 3'],
      ]),
    )
  })
})
