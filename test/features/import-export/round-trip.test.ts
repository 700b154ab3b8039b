import { asc, eq, isNotNull } from 'drizzle-orm'
import { env } from 'cloudflare:workers'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createPost } from '../../../src/features/posts/writes'
import {
  audienceDailyCounts,
  authors,
  categories,
  importedItems,
  media,
  navigationMenus,
  posts,
  postsCategories,
  redirects,
  sessions,
  siteSettings,
  users,
  comments,
} from '../../../src/db/schema'
import type { NavLink } from '../../../src/features/navigation/links'
import { editMenu } from '../../../src/features/navigation/queries'
import { showPageInNavigation } from '../../../src/features/navigation/page-links'
import { saveSettingsForm } from '../../../src/features/settings/save-settings'
import { messagesFor } from '../../../src/i18n/site'
import { settingsForm } from '../../site-helpers'
import { exportArchive } from '../../../src/features/import-export/export/archive'
import { readSiteSettings } from '../../../src/features/settings/queries'
import { fetchImages } from '../../../src/features/import-export/import/images'
import { readExportBytes, readExportText } from '../../../src/features/import-export/import/read'
import { d1RedirectWriter } from '../../../src/features/import-export/import/redirects'
import { runImport, surveyExport } from '../../../src/features/import-export/import/run'
import { renderMarkdown } from '../../../src/lib/markdown'
import { db, postInput, updatePostAsLoaded } from '../../fixtures'
import { commentHtml } from '../../../src/features/comments'
import sample from './import/fixtures/wordpress-export-sample.xml?raw'

const mediaEnv = { db, bucket: env.MEDIA }

async function archiveBytes() {
  const { settings } = await readSiteSettings(db, env)
  const response = new Response(exportArchive(mediaEnv, settings))
  return new Uint8Array(await response.arrayBuffer())
}

/** Everything a reader or an editor sees of the blog's posts, by slug. */
async function snapshot() {
  const rows = await db
    .select({
      slug: posts.slug,
      title: posts.title,
      excerpt: posts.excerpt,
      markdown: posts.markdown,
      html: posts.html,
      status: posts.status,
      language: posts.language,
      publishedAt: posts.publishedAt,
      author: authors.slug,
      featured: media.key,
      featuredAlt: posts.featuredImageAlt,
      kind: posts.kind,
      sourceUrl: posts.sourceUrl,
      sourceSiteName: posts.sourceSiteName,
      sourcePublishedAt: posts.sourcePublishedAt,
    })
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .leftJoin(media, eq(media.id, posts.featuredMediaId))
    .orderBy(asc(posts.slug))
  const links = await db
    .select({ post: posts.slug, category: categories.slug })
    .from(postsCategories)
    .innerJoin(posts, eq(posts.id, postsCategories.postId))
    .innerJoin(categories, eq(categories.id, postsCategories.categoryId))
    .orderBy(asc(posts.slug), asc(postsCategories.sortOrder))
  const addresses = await db.select().from(redirects).orderBy(asc(redirects.fromPath))
  const [settings] = await db
    .select({ row: siteSettings, logo: media.key })
    .from(siteSettings)
    .leftJoin(media, eq(media.id, siteSettings.logoMediaId))
  const slugs = new Map((await db.select().from(posts)).map((post) => [post.id, post.slug]))
  // Link ids are the menu's own; a page's link is the page, whatever its id here.
  const link = ({ id, pageId, children, ...rest }: NavLink): object => ({
    ...rest,
    page: pageId === undefined ? null : slugs.get(pageId),
    children: (children ?? []).map(link),
  })
  const menus = (await db.select().from(navigationMenus).orderBy(asc(navigationMenus.menu))).map(
    (row) => [row.menu, (JSON.parse(row.links) as NavLink[]).map(link)],
  )
  return {
    settings: settings && {
      ...settings.row,
      id: null,
      logoMediaId: settings.logo,
      version: null,
      updatedAt: null,
    },
    menus,
    posts: rows,
    links,
    redirects: addresses.map((r) => [r.fromPath, r.toPath]),
    authors: await db
      .select({ slug: authors.slug, name: authors.name, bio: authors.bio })
      .from(authors)
      .orderBy(asc(authors.slug)),
    categories: await db
      .select({ slug: categories.slug, name: categories.name })
      .from(categories)
      .orderBy(asc(categories.slug)),
    // Readers' approved comments, their thread by the name of the comment answered.
    comments: await commentRows(),
  }
}

async function commentRows() {
  const rows = await db
    .select({
      id: comments.id,
      post: posts.slug,
      parentId: comments.parentId,
      name: comments.authorName,
      url: comments.authorUrl,
      createdAt: comments.createdAt,
      markdown: comments.markdown,
      html: comments.html,
      status: comments.status,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.status, 'approved'))
    .orderBy(asc(comments.createdAt), asc(comments.authorName))
  const names = new Map(rows.map((row) => [row.id, row.name]))
  return rows.map(({ id, parentId, ...row }) => ({
    ...row,
    parent: parentId === null ? null : names.get(parentId),
  }))
}

async function emptyTheBlog() {
  for (const item of await db.select().from(media)) await env.MEDIA.delete(item.key)
  await db.delete(redirects)
  await db.delete(siteSettings)
  await db.delete(navigationMenus)
  await db.delete(importedItems)
  await db.delete(comments)
  await db.delete(posts)
  await db.delete(media)
  await db.delete(categories)
  await db.delete(authors)
}

const SECRET_EMAIL = 'owner-secret@example.org'
const COMMENTER_EMAIL = 'lise-commenter@example.org'
const HELD_TEXT = 'A comment still held for moderation'
const SECRET_HASH = 'pbkdf2-sha256$600000$c2FsdA$never-exported-hash'
const SECRET_SESSION = 'session-token-hash-never-exported'
const SECRET_REFERRER = 'audience-secret.example'

describe('export, then import into an empty blog', () => {
  let before: Awaited<ReturnType<typeof snapshot>>
  let files: Record<string, Uint8Array>
  beforeAll(async () => {
    const server = inject('imageServer')
    const blog = await readExportText(sample.replaceAll('http://127.0.0.1:8080', server))
    const { imageUrls } = await surveyExport(async () => blog)
    const images = await fetchImages(mediaEnv, imageUrls, {
      timeoutMs: 3_000,
      allowedHosts: [new URL(server).host],
    })
    await runImport(db, blog, {
      dryRun: false,
      redirects: d1RedirectWriter(db),
      images,
      mediaEnv,
    })
    // A post written here, edited twice, with French typography and a trailing newline.
    const [author] = await db.select().from(authors).where(eq(authors.slug, 'claire'))
    const markdown = 'Un « essai » : l’accueil.\n\n- un\n- deux\n'
    const html = renderMarkdown(markdown, 'fr')
    const input = postInput({
      slug: 'ecrit-ici',
      authorId: author.id,
      markdown,
      html,
      language: 'fr',
    })
    const id = await createPost(db, input)
    await updatePostAsLoaded(db, id, input, null)
    // An editor describes the featured images after the import.
    await db
      .update(posts)
      .set({ featuredImageAlt: 'Le lobby, au matin' })
      .where(isNotNull(posts.featuredMediaId))
    // A curated note keeps its kind and its source.
    const noteMarkdown = 'Un accueil « sans friction ».'
    await createPost(
      db,
      postInput({
        slug: 'note-du-jour',
        authorId: author.id,
        excerpt: 'Le lobby devient un salon.',
        markdown: noteMarkdown,
        html: renderMarkdown(noteMarkdown, 'fr'),
        language: 'fr',
        kind: 'note',
        sourceUrl: 'https://www.lemonde.fr/article',
        sourceSiteName: 'Le Monde',
        sourcePublishedAt: '2026-11-20',
      }),
    )
    const [user] = await db
      .insert(users)
      .values({ email: SECRET_EMAIL, name: 'Owner', role: 'owner', passwordHash: SECRET_HASH })
      .returning()
    const now = new Date()
    await db
      .insert(sessions)
      .values({ tokenHash: SECRET_SESSION, userId: user.id, createdAt: now, lastSeenAt: now })
    await db
      .insert(audienceDailyCounts)
      .values({ day: '2026-11-28', metric: 'referrer', key: SECRET_REFERRER, count: 3 })
    // The site's settings, a logo among them, and menus: a page, a nested link, a footer.
    const [logo] = await db.select().from(media).limit(1)
    const saved = await saveSettingsForm(
      db,
      settingsForm({
        name: 'Le Carnet',
        tagline: 'Accueillir « autrement »',
        language: 'fr',
        timeZone: 'Europe/Paris',
        publicUrl: 'https://carnet.example',
        postsPerPage: '7',
        postsPerFeed: '15',
        logo: `/media/${logo.key}`,
        logoAlt: 'La clé',
        footerText: 'Écrit à Lyon.',
        mastodon: 'https://mastodon.example/@carnet',
        audienceEnabled: '',
        retentionMonths: '6',
        version: '0',
      }),
    )
    expect(saved.kind).toBe('saved')
    const t = messagesFor('fr')
    const [about] = await db.select().from(posts).where(eq(posts.slug, 'a-propos'))
    await showPageInNavigation(db, t, about, true)
    await editMenu(db, 'header', t, (links) => {
      links[2].children = [{ id: 'x1', label: 'Essais', address: '/categories/essais' }]
      return { ok: true, links }
    })
    await editMenu(db, 'footer', t, () => ({
      ok: true,
      links: [{ id: 'f1', label: 'Mentions', address: '/mentions-legales' }],
    }))
    // A reader who asked to hear of replies, and a comment still held (never exported).
    const [ecrit] = await db.select().from(posts).where(eq(posts.slug, 'ecrit-ici'))
    await db.insert(comments).values([
      {
        postId: ecrit.id,
        status: 'approved',
        authorName: 'Lise',
        email: COMMENTER_EMAIL,
        notifyReplies: true,
        markdown: 'Très *juste*.',
        html: commentHtml('Très *juste*.'),
        createdAt: new Date('2026-12-01T10:00:00Z'),
      },
      {
        postId: ecrit.id,
        status: 'pending',
        authorName: 'Held',
        markdown: HELD_TEXT,
        html: `<p>${HELD_TEXT}</p>`,
        createdAt: new Date('2026-12-01T11:00:00Z'),
      },
    ])
    before = await snapshot()
    files = unzipSync(await archiveBytes())
  })

  it('holds every post as Markdown with front matter, authors, categories, images and a manifest', () => {
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']))
    expect(manifest).toMatchObject({ schema: 'edge-blog-export', schemaVersion: 2 })
    expect(manifest.posts.length + manifest.pages.length).toBe(before.posts.length)
    expect(manifest.pages).toEqual(
      expect.arrayContaining(['pages/a-propos.md', 'pages/sample-page.md']),
    )
    const about = new TextDecoder().decode(files['pages/a-propos.md'])
    expect(about).toContain('\nkind: "page"\n')
    const settings = JSON.parse(new TextDecoder().decode(files['settings.json']))
    expect(settings).toMatchObject({ name: 'Le Carnet', logoAlt: 'La clé', retentionMonths: '6' })
    const navigation = JSON.parse(new TextDecoder().decode(files['navigation.json']))
    expect(navigation.header.at(-1)).toMatchObject({ label: 'À propos', page: 'a-propos' })
    expect(navigation.footer).toEqual([{ label: 'Mentions', address: '/mentions-legales' }])
    expect(manifest.media).toHaveLength(2)
    const post = new TextDecoder().decode(files['posts/ecrit-ici.md'])
    expect(post).toMatch(/^---\ntitle: "Post ecrit-ici"\nslug: "ecrit-ici"\nstatus: "published"\n/)
    expect(post).toContain('\nauthor: "claire"\n')
    expect(post).toContain('\nlanguage: "fr"\n')
    expect(post).toContain('\nrevisions: 2\n')
    expect(post.endsWith('---\nUn « essai » : l’accueil.\n\n- un\n- deux\n')).toBe(true)
    const cafe = new TextDecoder().decode(files['posts/cafe-a-lhotel.md'])
    expect(cafe).toMatch(/\nfeatured_image: "\/media\/[0-9a-f]{64}\.png"\n/)
    expect(cafe).toContain('\ncategories: ["essais","restauration"]\n')
  })

  it('never carries password hashes, sessions, editors or audience data', () => {
    const everything = Object.values(files)
      .map((bytes) => new TextDecoder().decode(bytes))
      .join('\n')
    for (const secret of [SECRET_EMAIL, SECRET_HASH, SECRET_SESSION, SECRET_REFERRER])
      expect(everything).not.toContain(secret)
    // Commenters' emails only when the owner asks; held comments never.
    expect(everything).not.toContain(COMMENTER_EMAIL)
    expect(everything).not.toContain(HELD_TEXT)
  })

  it("carries the approved comments, and commenters' emails only when asked", async () => {
    const archived = JSON.parse(new TextDecoder().decode(files['comments.json']))
    expect(archived.map((c: { name: string }) => c.name).sort()).toEqual([
      'Georges-Edouard Dias',
      'Lectrice',
      'Lise',
    ])
    expect(before.comments).toHaveLength(3)
    const { settings } = await readSiteSettings(db, env)
    const withEmails = unzipSync(
      new Uint8Array(
        await new Response(
          exportArchive(mediaEnv, settings, new Date(), { commentEmails: true }),
        ).arrayBuffer(),
      ),
    )
    expect(new TextDecoder().decode(withEmails['comments.json'])).toContain(COMMENTER_EMAIL)
  })

  it('adds nothing when read back into the blog it came from', async () => {
    const report = await runImport(db, await readExportBytes(await archiveBytes()), {
      dryRun: false,
      redirects: d1RedirectWriter(db),
      mediaEnv,
    })
    expect(report.counts.posts).toMatchObject({ created: 0, updated: 0, unchanged: 11 })
    expect(report.counts.pages).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
    expect(report.notes).toContain(
      'The site’s settings were kept as they are here: this blog already has its own.',
    )
    expect(report.notes).toContain('Navigation kept as it is here: header, footer.')
    expect(await snapshot()).toEqual(before)
  })

  it('gives back the same posts, byte for byte, and the same addresses', async () => {
    const bytes = await archiveBytes()
    await emptyTheBlog()
    expect(await db.select().from(posts)).toHaveLength(0)
    const report = await runImport(db, await readExportBytes(bytes), {
      dryRun: false,
      redirects: d1RedirectWriter(db),
      mediaEnv,
    })
    expect(report.counts.posts.created + report.counts.pages.created).toBe(before.posts.length)
    expect(report.counts.pages.created).toBe(3)
    expect(report.changed).toEqual([])
    expect(report.notes).toContain('The site’s settings were imported.')
    expect(report.notes).toContain('Navigation imported: header, footer.')
    expect(await snapshot()).toEqual(before)
    expect(before.settings).toMatchObject({ name: 'Le Carnet', postsPerPage: 7 })
    expect(before.menus).toHaveLength(2)
    expect(before.posts.find((post) => post.slug === 'note-du-jour')).toMatchObject({
      kind: 'note',
      sourceUrl: 'https://www.lemonde.fr/article',
      sourceSiteName: 'Le Monde',
    })
    expect(before.posts.some((post) => post.featuredAlt === 'Le lobby, au matin')).toBe(true)
    for (const item of await db.select().from(media))
      expect(await env.MEDIA.head(item.key)).not.toBeNull()
  })

  it('is a no-op when the same archive is imported again', async () => {
    const report = await runImport(db, await readExportBytes(await archiveBytes()), {
      dryRun: false,
      redirects: d1RedirectWriter(db),
      mediaEnv,
    })
    expect(report.counts.posts).toMatchObject({ created: 0, updated: 0 })
    expect(await snapshot()).toEqual(before)
  })
})
