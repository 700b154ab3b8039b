import { eq } from 'drizzle-orm'
import { exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { posts, users } from '../../../src/db/schema'
import { NOTE_LIMITS } from '../../../src/features/notes/schemas'
import { createEditor, logIn, PASSWORD, postFields, request } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import { noteForm as noteFormFor } from '../../note-helpers'

const fixtures = `http://127.0.0.1:${inject('fixturePort')}`
let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let cookie: string

/** A request addressed to this machine, as in `wrangler dev`: CURATION_ALLOW_HOSTS counts. */
function localRequest(path: string, init: { cookie?: string } = {}) {
  const headers = new Headers()
  if (init.cookie) headers.set('Cookie', init.cookie)
  return exports.default.fetch(`http://localhost${path}`, { headers, redirect: 'manual' })
}

/** A form posted to a Worker addressed as localhost, where the fixture server may be read. */
function localPost(path: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(form))
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
  return exports.default.fetch(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      Cookie: cookie,
      Origin: 'http://localhost',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body,
    redirect: 'manual',
  })
}

const shareQuery = (params: Record<string, string>) => `/admin/share?${new URLSearchParams(params)}`

const noteForm = (overrides: Record<string, string | string[]> = {}) => noteFormFor(ids, overrides)

async function savedNoteId(response: Response) {
  expect(response.status).toBe(303)
  const match = /^\/admin\/notes\/(\d+)\?saved=\w+(&image=\w+)?$/.exec(
    response.headers.get('Location') ?? '',
  )
  expect(match, response.headers.get('Location') ?? `status ${response.status}`).not.toBeNull()
  return Number(match![1])
}

/** A field's value as the page shows it, whatever the order of its attributes. */
function field(html: string, name: string) {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0]
  if (input) return /value="([^"]*)"/.exec(input)?.[1]
  return new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1]
}

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createEditor('claire@blog.example', 'owner')
  cookie = await logIn('claire@blog.example')
})

describe('the share target', () => {
  it('pre-fills the form through a login, with the page’s metadata filling what was not shared', async () => {
    const path = shareQuery({
      url: `${fixtures}/opengraph.html`,
      title: 'Mon titre à moi',
      text: '',
    })
    const first = await localRequest(path)
    expect(first.status).toBe(303)
    const loginPage = await localRequest(first.headers.get('Location')!)
    const next = /name="next" value="([^"]+)"/
      .exec(await loginPage.text())![1]
      .replace(/&amp;/g, '&')
    expect(next).toBe(
      `/admin/share?${new URLSearchParams({ url: `${fixtures}/opengraph.html`, title: 'Mon titre à moi', text: '' })}`,
    )

    const login = await request('/admin/login', {
      form: { email: 'claire@blog.example', password: PASSWORD, next },
    })
    expect(login.status).toBe(303)
    expect(login.headers.get('Location')).toBe(next)

    const form = await localRequest(next, { cookie })
    expect(form.status).toBe(200)
    const html = await form.text()
    expect(field(html, 'title')).toBe('Mon titre à moi')
    expect(field(html, 'quote')).toBe('Les groupes hôteliers misent sur l’expérience.')
    expect(field(html, 'siteName')).toBe('Le Monde')
    expect(field(html, 'sourceUrl')).toBe(
      'https://www.lemonde.fr/economie/article/2024/01/15/hotellerie.html',
    )
    expect(field(html, 'sourcePublishedAt')).toBe('2024-01-15T08:30:00+01:00')
    expect(field(html, 'imageUrl')).toBe('https://img.lemonde.fr/cover.jpg')
    expect(html).toMatch(/<option value="fr" selected="">/)
    // The source image is named, never loaded from its site.
    expect(html).not.toContain('<img')
  })

  it('keeps the shared text over the page’s description, and finds an address put in the text', async () => {
    const html = await (
      await localRequest(
        shareQuery({ title: 'Partagé', text: `Un passage choisi ${fixtures}/twitter.html` }),
        { cookie },
      )
    ).text()
    expect(field(html, 'quote')).toBe('Un passage choisi')
    expect(field(html, 'sourceUrl')).toBe(`${fixtures}/twitter.html`)
    expect(field(html, 'title')).toBe('Partagé')
  })

  it('ignores CURATION_ALLOW_HOSTS when deployed, and the form still works by hand', async () => {
    const response = await request(
      shareQuery({ url: `${fixtures}/opengraph.html`, title: 'À la main', text: 'Mon extrait' }),
      { cookie },
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    // Without the setting, the fixture server's address is refused like any other local one.
    expect(html).toContain('This address points to a private or local network, so it is not read.')
    expect(html).toContain('you can still write the note by hand')
    expect(field(html, 'title')).toBe('À la main')
    expect(field(html, 'quote')).toBe('Mon extrait')
    expect(field(html, 'sourceUrl')).toBe(`${fixtures}/opengraph.html`)
    expect(field(html, 'siteName')).toBe('')
  })

  it('takes the language the page declares, even when the page cannot be read', async () => {
    const read = await (
      await localRequest(shareQuery({ url: `${fixtures}/locale-left-default.html` }), { cookie })
    ).text()
    expect(read).toMatch(/<option value="fr" selected="">/)
    // Deployed, the fixture server is refused: the bookmarklet's `lang` still counts.
    const unread = await (
      await request(shareQuery({ url: `${fixtures}/twitter.html`, lang: 'fr-CA' }), { cookie })
    ).text()
    expect(unread).toContain('you can still write the note by hand')
    expect(unread).toMatch(/<option value="fr" selected="">/)
  })

  it('says clearly when the address is not a page', async () => {
    const html = await (
      await localRequest(shareQuery({ url: `${fixtures}/report.pdf` }), { cookie })
    ).text()
    expect(html).toContain('This address is not a web page (HTML).')
    expect(field(html, 'sourceUrl')).toBe(`${fixtures}/report.pdf`)
  })

  it('renders hostile titles and descriptions as text', async () => {
    const html = await (
      await localRequest(shareQuery({ url: `${fixtures}/hostile.html` }), { cookie })
    ).text()
    expect(html).not.toContain("<script>alert('og')")
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<b>Evil')
    expect(field(html, 'title')).toBe('&quot;&gt;&lt;script&gt;alert(&#39;og&#39;)&lt;/script&gt;')
    expect(field(html, 'quote')).toBe('&lt;img src=x onerror=alert(2)&gt; &amp; co')
  })
})

describe('the notes page', () => {
  it('writes as the editor’s own author by default, like the post editor', async () => {
    const james = await createEditor('james@blog.example')
    await db.update(users).set({ authorId: ids.otherAuthor.id }).where(eq(users.id, james.id))
    const jamesCookie = await logIn('james@blog.example')
    const selected = (html: string) =>
      /<select name="authorId"[^>]*>.*?<option value="(\d+)" selected=""/s.exec(html)?.[1]
    const blank = await (await request('/admin/notes', { cookie: jamesCookie })).text()
    expect(selected(blank)).toBe(String(ids.otherAuthor.id))
    const shared = await (
      await localRequest(shareQuery({ url: `${fixtures}/opengraph.html` }), { cookie: jamesCookie })
    ).text()
    expect(selected(shared)).toBe(String(ids.otherAuthor.id))
    // An editor without a profile of their own writes as the first author.
    expect(selected(await (await request('/admin/notes', { cookie })).text())).toBe(
      String(ids.author.id),
    )
  })

  it('offers the bookmarklet, which opens the share form with the page, title and selection', async () => {
    const html = await (await request('/admin/notes', { cookie })).text()
    const href = /class="bookmarklet-link" href="([^"]+)"/
      .exec(html)![1]
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
    expect(href.startsWith('javascript:')).toBe(true)
    expect(href).toContain(
      '"https://blog.example/admin/share?url="+encodeURIComponent(location.href)',
    )
    expect(href).toContain("'&title='+encodeURIComponent(document.title)")
    expect(href).toContain("'&text='+encodeURIComponent(String(getSelection()))")
    expect(href).toContain("'&lang='+encodeURIComponent(document.documentElement.lang)")
  })

  it('publishes with the primary button and keeps a draft with the second', async () => {
    const html = await (await request('/admin/notes', { cookie })).text()
    const buttons = [...html.matchAll(/<button type="submit" name="intent" value="(\w+)"/g)].map(
      (m) => m[1],
    )
    expect(buttons).toEqual(['publish', 'draft'])
    expect(html).toContain('<link rel="manifest" href="/admin/manifest.webmanifest"/>')
  })

  it('puts the same maximum on each input as the server', async () => {
    const html = await (await request('/admin/notes', { cookie })).text()
    for (const [name, max] of Object.entries(NOTE_LIMITS)) {
      expect(html, name).toMatch(new RegExp(`name="${name}"[^>]*maxlength="${max}"`))
    }
  })
})

describe('saving a note', () => {
  it('publishes a note that readers see as the reference shows them', async () => {
    const id = await savedNoteId(await request('/admin/notes', { cookie, form: noteForm() }))
    const [note] = await db.select().from(posts).where(eq(posts.id, id))
    expect(note).toMatchObject({
      kind: 'note',
      status: 'published',
      slug: 'l-hotellerie-de-marque',
      sourceUrl: 'https://www.lemonde.fr/economie/article/2024/01/15/hotellerie.html',
      sourceSiteName: 'Le Monde',
      excerpt: 'Les groupes hôteliers misent sur l’expérience.\n\nEt sur le « fait maison ».',
    })
    expect(note.html).toContain('<strong>chiffre</strong>')

    const home = await request('/')
    const list = await home.text()
    const summary = /<article class="post-summary note-summary"[\s\S]*?<\/article>/.exec(list)![0]
    expect(summary).toContain('<h2><a href="/posts/l-hotellerie-de-marque">')
    // The byline speaks the note's language.
    expect(summary).toContain('Par <a href="/authors/claire-dubois">')
    expect(summary).toContain('Les groupes hôteliers misent sur l’expérience.')
    expect(summary).toContain(
      '<a href="https://www.lemonde.fr/economie/article/2024/01/15/hotellerie.html" rel="noopener external">Read at lemonde.fr →</a>',
    )

    const page = await request('/posts/l-hotellerie-de-marque')
    expect(page.headers.get('Referrer-Policy')).toBe('no-referrer')
    const body = await page.text()
    expect(body).toContain(
      '<blockquote class="note-quote" cite="https://www.lemonde.fr/economie/article/2024/01/15/hotellerie.html">',
    )
    expect(body).toContain('<p>Et sur le «\u202ffait maison\u202f».</p>')
    expect(body).toContain('<cite>Le Monde</cite>')
    expect(body).toMatch(/<a href="https:\/\/www\.lemonde\.fr\/[^"]+" rel="noopener external">/)
    expect(body).toContain('<strong>chiffre</strong>')
  })

  it('shows no empty “Categories:” for a note without a category', async () => {
    await savedNoteId(
      await request('/admin/notes', {
        cookie,
        form: noteForm({ title: 'Sans catégorie', categoryIds: [], language: 'en' }),
      }),
    )
    const page = await (await request('/posts/sans-categorie')).text()
    const byline = /<p class="byline">[\s\S]*?<\/p>/.exec(page)![0]
    expect(byline).toMatch(/<\/time><\/p>$/)
    expect(byline).not.toContain('Categories')
    const home = await (await request('/')).text()
    const summary = /<article class="post-summary note-summary"[\s\S]*?<\/article>/.exec(home)![0]
    expect(summary).toContain('Sans catégorie')
    expect(summary).not.toContain('Categories')
  })

  it('keeps a draft off the site', async () => {
    const id = await savedNoteId(
      await request('/admin/notes', {
        cookie,
        form: noteForm({ title: 'Brouillon de note', intent: 'draft' }),
      }),
    )
    const [note] = await db.select().from(posts).where(eq(posts.id, id))
    expect(note.status).toBe('draft')
    expect((await request('/posts/brouillon-de-note')).status).toBe(404)
  })

  it('schedules a note whose date is in the future', async () => {
    const id = await savedNoteId(
      await request('/admin/notes', {
        cookie,
        form: noteForm({ title: 'Note future', publishDate: '2099-01-01', publishTime: '09:00' }),
      }),
    )
    const [note] = await db.select().from(posts).where(eq(posts.id, id))
    expect(note.status).toBe('scheduled')
    expect((await request('/posts/note-future')).status).toBe(404)
    const page = await (await request(`/admin/notes/${id}?saved=scheduled`, { cookie })).text()
    expect(page).toContain('Saved. Scheduled for 1 January 2099 at 09:00, Paris time.')
  })

  it('gives a second note with the same title its own address', async () => {
    const id = await savedNoteId(await request('/admin/notes', { cookie, form: noteForm() }))
    const [note] = await db.select().from(posts).where(eq(posts.id, id))
    expect(note.slug).toBe('l-hotellerie-de-marque-2')
  })

  it('sends a rejected form back as typed, with an error by each field', async () => {
    const response = await request('/admin/notes', {
      cookie,
      form: noteForm({
        title: '',
        sourceUrl: 'javascript:alert(1)',
        quote: 'Gardé « tel quel »',
        siteName: 'x'.repeat(NOTE_LIMITS.siteName + 1),
      }),
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('<p class="field-error" id="title-error">Give the note a title.</p>')
    expect(html).toContain('id="sourceUrl-error">Use a full web address')
    expect(html).toContain('id="siteName-error">This is longer than allowed')
    expect(field(html, 'quote')).toBe('Gardé « tel quel »')
    expect(field(html, 'sourceUrl')).toBe('javascript:alert(1)')
  })

  it('renews an expired session from the form without losing the note', async () => {
    const expired = await request('/admin/notes', { form: noteForm({ title: 'Après la session' }) })
    expect(expired.status).toBe(401)
    const html = await expired.text()
    expect(html).toContain('name="loginPassword"')
    expect(field(html, 'title')).toBe('Après la session')
    const saved = await request('/admin/notes', {
      form: noteForm({
        title: 'Après la session',
        loginEmail: 'claire@blog.example',
        loginPassword: PASSWORD,
      }),
    })
    await savedNoteId(saved)
  })
})

describe('notes for readers', () => {
  it('has its own list, linked from the header, with nothing but notes', async () => {
    const home = await (await request('/')).text()
    expect(home).toContain('<a href="/notes">Notes</a>')
    const list = await (await request('/notes')).text()
    expect(list).toContain('l-hotellerie-de-marque')
    expect(list).not.toContain('post-summary"')
    // Published by an editor's save, which readers' cached pages see at once.
    const saved = await request('/admin/posts', {
      cookie,
      form: postFields(ids.author.id, {
        title: 'Un essai',
        slug: 'un-essai',
        markdown: 'Un essai, pas une note.',
        status: 'published',
      }),
    })
    expect(saved.status).toBe(303)
    expect(await (await request('/')).text()).toContain('/posts/un-essai')
    expect(await (await request('/notes')).text()).not.toContain('/posts/un-essai')
  })

  it('lists notes in their categories', async () => {
    const html = await (await request('/categories/notes')).text()
    expect(html).toContain('/posts/l-hotellerie-de-marque')
    expect(html).toContain('note-summary')
  })

  it('shows a hostile title as text', async () => {
    await savedNoteId(
      await request('/admin/notes', {
        cookie,
        form: noteForm({
          title: '<script>alert(1)</script> & co',
          quote: '<img src=x onerror=alert(2)>',
        }),
      }),
    )
    const home = await (await request('/')).text()
    expect(home).not.toContain('<script>alert(1)')
    expect(home).not.toContain('<img src=x')
    expect(home).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co')
  })
})

describe('the admin as an installable app', () => {
  it('has a manifest with a share target and same-origin icons', async () => {
    const response = await request('/admin/manifest.webmanifest')
    expect(response.headers.get('Content-Type')).toContain('application/manifest+json')
    const manifest = (await response.json()) as {
      share_target: unknown
      icons: { src: string; sizes: string }[]
      scope: string
    }
    expect(manifest.share_target).toEqual({
      action: '/admin/share',
      method: 'GET',
      params: { url: 'url', title: 'title', text: 'text' },
    })
    expect(manifest.scope).toBe('/admin/')
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(['192x192', '512x512'])
    for (const icon of manifest.icons) expect(icon.src).toMatch(/^\/icons\/[\w-]+\.png$/)
  })
})

describe('the bookmarklet’s cross-site navigation', () => {
  it('hops once through this origin so the Strict session cookie is sent, then logs in if needed', async () => {
    const path = shareQuery({ url: 'https://example.com/a', title: 'T & « U »', text: '' })
    const response = await request(path, { headers: { 'Sec-Fetch-Site': 'cross-site' } })
    expect(response.status).toBe(200)
    const html = await response.text()
    const target = /http-equiv="refresh" content="0;url=([^"]+)"/
      .exec(html)![1]
      .replace(/&amp;/g, '&')
    expect(target).toBe(path)
    // The hop comes from this origin: without a session, the login follows.
    const again = await request(target, { headers: { 'Sec-Fetch-Site': 'same-origin' } })
    expect(again.status).toBe(303)
    expect(again.headers.get('Location')).toMatch(/^\/admin\?next=%2Fadmin%2Fshare%3F/)
  })
})

describe('the source image', () => {
  it('is stored in the media library when kept, and shown from this site only', async () => {
    const id = await savedNoteId(
      await localPost(
        '/admin/notes',
        noteForm({
          title: 'Avec image',
          imageUrl: `${fixtures}/images/cover.png`,
          keepImage: 'keep',
        }),
      ),
    )
    const [note] = await db.select().from(posts).where(eq(posts.id, id))
    expect(note.featuredMediaId).not.toBeNull()
    const page = await (await request('/posts/avec-image')).text()
    expect(page).toMatch(/<img[^>]+src="\/media\/[0-9a-f]{64}\.png"/)
    expect(page).not.toContain(fixtures)
  })

  it('is left out when dropped', async () => {
    const id = await savedNoteId(
      await localPost(
        '/admin/notes',
        noteForm({ title: 'Sans image', imageUrl: `${fixtures}/images/cover.png`, keepImage: '' }),
      ),
    )
    const [note] = await db.select().from(posts).where(eq(posts.id, id))
    expect(note.featuredMediaId).toBeNull()
  })

  it('is refused with a clear message when it is not an image, and the note is saved anyway', async () => {
    const response = await localPost(
      '/admin/notes',
      noteForm({ title: 'Image refusée', imageUrl: `${fixtures}/report.pdf`, keepImage: 'keep' }),
    )
    const id = await savedNoteId(response)
    expect(response.headers.get('Location')).toContain('image=wrongType')
    const [note] = await db.select().from(posts).where(eq(posts.id, id))
    expect(note.featuredMediaId).toBeNull()
    expect(note.status).toBe('published')
    const html = await (await request(response.headers.get('Location')!, { cookie })).text()
    expect(html).toContain(
      'The source image was not kept: it is not a JPEG, PNG, WebP, AVIF or GIF image.',
    )
  })

  it('is fetched under the same address rules as the page', async () => {
    const response = await request('/admin/notes', {
      cookie,
      form: noteForm({
        title: 'Image locale',
        imageUrl: 'http://169.254.169.254/latest/meta-data/image.png',
        keepImage: 'keep',
      }),
    })
    expect(response.headers.get('Location')).toContain('image=privateAddress')
  })
})

describe('notes in the admin', () => {
  it('are one tap away in the admin menu, and a note opened from the posts list opens as a note', async () => {
    const list = await (await request('/admin/posts', { cookie })).text()
    expect(list).toContain('<a href="/admin/notes">New note</a>')
    const [note] = await db.select().from(posts).where(eq(posts.slug, 'l-hotellerie-de-marque'))
    const response = await request(`/admin/posts/${note.id}`, { cookie })
    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe(`/admin/notes/${note.id}`)
    const html = await (await request(`/admin/notes/${note.id}`, { cookie })).text()
    expect(field(html, 'sourceUrl')).toBe(note.sourceUrl)
    expect(field(html, 'quote')).toBe(note.excerpt)
  })

  it('saves an edited note in place, keeping its address, and never over a later save', async () => {
    const [note] = await db.select().from(posts).where(eq(posts.slug, 'l-hotellerie-de-marque'))
    const form = await (await request(`/admin/notes/${note.id}`, { cookie })).text()
    const version = field(form, 'version')!
    expect(version).toBe(String(note.version))
    const edit = (title: string) =>
      request(`/admin/notes/${note.id}`, {
        cookie,
        form: noteForm({ title, comment: 'Revu.', version }),
      })
    await savedNoteId(await edit('L’hôtellerie de marque, revue'))
    const [edited] = await db.select().from(posts).where(eq(posts.id, note.id))
    expect(edited).toMatchObject({
      slug: note.slug,
      title: 'L’hôtellerie de marque, revue',
      kind: 'note',
    })

    // A second editor saves from the same, now stale, form.
    const conflict = await edit('Une autre version')
    expect(conflict.status).toBe(409)
    const html = await conflict.text()
    expect(html).toContain('Someone saved this note after you opened it, so nothing was saved.')
    expect(field(html, 'title')).toBe('Une autre version')
    const [kept] = await db.select().from(posts).where(eq(posts.id, note.id))
    expect(kept.title).toBe('L’hôtellerie de marque, revue')
  })
})
