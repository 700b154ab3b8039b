import { env } from 'cloudflare:workers'
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { audienceDailyCounts, siteSettings, type Media } from '../../../src/db/schema'
import { dayOf } from '../../../src/features/audience/visitor'
import { createEditor, logIn } from '../../admin-helpers'
import { createAuthorAndCategories, createPublishedPosts, db } from '../../fixtures'
import { storeSample } from '../../media-helpers'
import * as samples from '../../media-samples'
import { settingsForm, visit } from '../../site-helpers'
import { flushAudience } from '../../../src/features/audience/shards'
import {
  decodeWords,
  emlText,
  header,
  localRequest,
  outboxEntries,
  parseMail,
} from '../../mail-helpers'

let owner: string
let editor: string
let logo: Media

beforeAll(async () => {
  const ids = await createAuthorAndCategories()
  await createPublishedPosts(12, ids.author.id, [ids.essays.id])
  logo = await storeSample(samples.pngWithMetadata, 'Logo')
  await createEditor('owner@blog.example', 'owner')
  await createEditor('writer@blog.example', 'editor')
  owner = await logIn('owner@blog.example')
  editor = await logIn('writer@blog.example')
})

async function savedVersion() {
  const [row] = await db.select({ version: siteSettings.version }).from(siteSettings)
  return String(row?.version ?? 0)
}

/** Saves the settings as the owner, from the version stored now, expecting success. */
async function save(overrides: Record<string, string>) {
  const result = await visit('/admin/settings', {
    cookie: owner,
    form: settingsForm({ version: await savedVersion(), ...overrides }),
  })
  expect(result.status, result.body.slice(0, 2000)).toBe(303)
  expect(result.response.headers.get('Location')).toBe('/admin/settings?saved')
}

/** The page as the cache serves it: asked twice, the second answer must be a hit. */
async function cached(path: string) {
  await visit(path)
  const again = await visit(path)
  expect(again.cache, path).toBe('hit')
  return again
}

describe('the settings page', () => {
  it('is the owner’s: other editors get 403, readers the login page', async () => {
    expect((await visit('/admin/settings', { cookie: editor })).status).toBe(403)
    const post = await visit('/admin/settings', { cookie: editor, form: settingsForm() })
    expect(post.status).toBe(403)
    expect(await db.select().from(siteSettings)).toEqual([])
    expect((await visit('/admin/settings')).status).toBe(303)

    const page = await visit('/admin/settings', { cookie: owner })
    expect(page.status).toBe(200)
    for (const label of ['Site name', 'Tagline', 'Language', 'Time zone', 'Public address'])
      expect(page.body).toContain(label)
    for (const label of ['Posts per page', 'Posts per feed', 'Logo', 'Default social image'])
      expect(page.body).toContain(label)
    for (const label of ['Footer text', 'Social profiles', 'Audience counter'])
      expect(page.body).toContain(label)
    // Until the first save, the form shows what wrangler.toml says.
    expect(page.body).toContain(`value="${env.SITE_NAME.replace('&', '&amp;')}"`)
  })

  it('sends a refused form back as typed, each error by its field', async () => {
    const typed = settingsForm({
      name: '  ',
      tagline: 'Une devise gardée telle quelle',
      publicUrl: 'https://blog.example/sous-dossier',
      postsPerPage: '0',
      postsPerFeed: '101',
      timeZone: 'Mars/Olympus',
      mastodon: 'javascript:alert(1)',
      logo: '/media/not-an-image.png',
      retentionMonths: '26',
      footerText: 'x'.repeat(501),
    })
    const refused = await visit('/admin/settings', { cookie: owner, form: typed })
    expect(refused.status).toBe(422)
    for (const field of [
      'name',
      'publicUrl',
      'postsPerPage',
      'postsPerFeed',
      'timeZone',
      'mastodon',
      'logo',
      'retentionMonths',
      'footerText',
    ])
      expect(refused.body, field).toContain(`id="${field}-error"`)
    expect(refused.body).toContain('value="Une devise gardée telle quelle"')
    expect(refused.body).toContain('value="javascript:alert(1)"')
    expect(await db.select().from(siteSettings)).toEqual([])

    // An image must be in the media library and described.
    const noAlt = await visit('/admin/settings', {
      cookie: owner,
      form: settingsForm({ logo: `/media/${'a'.repeat(64)}.png` }),
    })
    expect(noAlt.status).toBe(422)
    expect(noAlt.body).toContain('id="logo-error"')
    const described = await visit('/admin/settings', {
      cookie: owner,
      form: settingsForm({ logo: `/media/${logo.key}`, logoAlt: '' }),
    })
    expect(described.status).toBe(422)
    expect(described.body).toContain('id="logoAlt-error"')
  })

  it('refuses a save from a stale form: nothing is overwritten', async () => {
    await save({ tagline: 'Première version' })
    const stale = await visit('/admin/settings', {
      cookie: owner,
      form: settingsForm({ version: '0', tagline: 'Formulaire périmé' }),
    })
    expect(stale.status).toBe(409)
    expect(stale.body).toContain('value="Formulaire périmé"')
    const [row] = await db.select().from(siteSettings)
    expect(row.tagline).toBe('Première version')
  })
})

describe('a change reaches every reader page on the next request, cache on', () => {
  it('home, a post, a feed and the sitemap', async () => {
    await save({})
    expect((await cached('/')).body).not.toContain('Le Carnet du Seuil')
    expect((await cached('/posts/post-3')).body).not.toContain('Le Carnet du Seuil')
    expect((await cached('/rss.xml')).body).not.toContain('Le Carnet du Seuil')
    expect((await cached('/sitemap.xml')).body).not.toContain('https://carnet.example/')

    await save({
      name: 'Le Carnet du Seuil',
      tagline: 'Accueillir, une porte après l’autre',
      publicUrl: 'https://carnet.example/',
      postsPerPage: '4',
      postsPerFeed: '2',
    })

    const home = await visit('/')
    expect(home.cache).toBe('miss')
    expect(home.body).toContain('<title>Le Carnet du Seuil</title>')
    expect(home.body).toContain('Accueillir, une porte après l’autre')
    expect(home.body.match(/<article class="post-summary/g)).toHaveLength(4)
    expect(home.body).toContain('<link rel="canonical" href="https://carnet.example/"/>')
    const post = await visit('/posts/post-3')
    expect(post.body).toContain('<title>Post 3 — Le Carnet du Seuil</title>')
    const feed = await visit('/rss.xml')
    expect(feed.body).toContain('<title>Le Carnet du Seuil</title>')
    expect(feed.body).toContain('https://carnet.example/posts/post-12')
    expect(feed.body.match(/<item>/g)).toHaveLength(2)
    const sitemap = await visit('/sitemap.xml')
    expect(sitemap.body).toContain('<loc>https://carnet.example/posts/post-3</loc>')
  })

  it('the logo, the default social image, the footer and the profiles', async () => {
    await save({
      logo: `/media/${logo.key}`,
      logoAlt: 'Une clé de chambre',
      socialImage: `https://blog.example/media/${logo.key}`,
      socialImageAlt: 'Le hall',
      footerText: 'Écrit à Lyon.',
      mastodon: 'https://mastodon.example/@carnet',
      bluesky: 'https://bsky.app/profile/carnet.example',
    })
    const { body } = await visit('/categories')
    expect(body).toContain(
      `<img class="site-logo" src="/media/${logo.key}" width="${logo.width}" height="${logo.height}" alt="Une clé de chambre"/>`,
    )
    expect(body).toContain(
      `<meta property="og:image" content="https://blog.example/media/${logo.key}"/>`,
    )
    expect(body).toContain('<meta property="og:image:alt" content="Le hall"/>')
    expect(body).toContain('<p class="footer-text">Écrit à Lyon.</p>')
    expect(body).toContain('<a href="https://mastodon.example/@carnet" rel="me">Mastodon</a>')
    expect(body).toContain('<a href="https://bsky.app/profile/carnet.example">Bluesky</a>')
  })

  it('the language of the site’s own words and dates', async () => {
    await save({ language: 'fr' })
    const { body } = await visit('/')
    expect(body).toContain('<html lang="fr">')
    expect(body).toContain('>Accueil</a>')
    expect(body).toContain('Plus d’articles')
    await save({ language: 'en' })
    expect((await visit('/')).body).toContain('>Home</a>')
  })

  it('escapes hostile values wherever they are shown', async () => {
    const hostile = 'Evil </title><script>alert(1)</script> & "co"'
    await save({
      name: hostile,
      tagline: '<img src=x onerror=alert(1)>',
      footerText: '<b>gras</b>',
    })
    for (const path of ['/', '/posts/post-3', '/categories']) {
      const { body } = await visit(path)
      expect(body, path).not.toContain('<script>alert(1)</script>')
      expect(body, path).not.toContain('<img src=x')
      expect(body, path).not.toContain('<b>gras</b>')
      expect(body, path).toContain('Evil &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;')
    }
    const home = (await visit('/')).body
    expect(home).toContain(
      '"name":"Evil \\u003c/title>\\u003cscript>alert(1)\\u003c/script> & \\"co\\""',
    )
    const feed = (await visit('/rss.xml')).body
    expect(feed).toContain(
      '<title>Evil &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;</title>',
    )
    await save({})
  })
})

describe('the audience counter’s settings', () => {
  // As the dashboard will show it, once the shards have flushed.
  const pageViews = async (path: string) => {
    await flushAudience(env)
    const today = dayOf(Date.now(), env.SITE_TIMEZONE)
    const [row] = await db
      .select({ count: audienceDailyCounts.count })
      .from(audienceDailyCounts)
      .where(
        and(
          eq(audienceDailyCounts.day, today),
          eq(audienceDailyCounts.metric, 'page'),
          eq(audienceDailyCounts.key, path),
        ),
      )
    return row?.count ?? 0
  }

  it('counts nothing once turned off, cached views included, and says how long it keeps totals', async () => {
    await visit('/posts/post-7')
    const counted = await pageViews('/posts/post-7')
    expect(counted).toBeGreaterThan(0)

    await save({ audienceEnabled: '', retentionMonths: '6' })
    await visit('/posts/post-7')
    const again = await visit('/posts/post-7')
    expect(again.cache).toBe('hit')
    expect(await pageViews('/posts/post-7')).toBe(counted)
    expect((await visit('/privacy')).body).toContain('kept for 6 months')

    await save({ audienceEnabled: 'on', retentionMonths: '13' })
    await visit('/posts/post-7')
    expect(await pageViews('/posts/post-7')).toBe(counted + 1)
  })
})

describe('mail', () => {
  it('goes out under the site’s name as the owner set it', async () => {
    await save({ name: 'Chez Nous' })
    const made = await localRequest('/admin/users/invitations', {
      cookie: owner,
      form: { email: 'guest@blog.example', role: 'editor' },
    })
    expect(made.status).toBe(200)
    const [latest] = await outboxEntries(owner)
    const mail = parseMail(await emlText(await localRequest(latest.eml, { cookie: owner })))
    expect(decodeWords(header(mail, 'From'))).toMatch(/^"?Chez Nous"? </)
  })
})

describe('what the settings cost', () => {
  it('are not read from D1 to serve an image', async () => {
    const { env } = await import('cloudflare:workers')
    const worker = (await import('../../../src/index')).default
    const { createExecutionContext, waitOnExecutionContext } = await import('cloudflare:test')
    const statements: string[] = []
    const DB = new Proxy(env.DB, {
      get(target, property) {
        const value = Reflect.get(target, property)
        if (property === 'withSession')
          return (...args: unknown[]) => {
            const session = (value as (...a: unknown[]) => D1DatabaseSession).apply(target, args)
            return new Proxy(session, {
              get(inner, name) {
                const method = Reflect.get(inner, name)
                if (name === 'prepare')
                  return (query: string) => {
                    statements.push(query)
                    return (method as (q: string) => D1PreparedStatement).call(inner, query)
                  }
                return typeof method === 'function' ? method.bind(inner) : method
              },
            })
          }
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const ctx = createExecutionContext()
    const response = await worker.fetch(
      new Request(`https://blog.example/media/${logo.key}`) as Parameters<typeof worker.fetch>[0],
      { ...env, DB },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(response.status).toBe(200)
    expect(statements.filter((query) => query.includes('site_settings'))).toEqual([])
  })
})
