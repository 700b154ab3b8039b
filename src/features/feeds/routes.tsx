import { Hono, type Context } from 'hono'
import { slugParams } from '../../lib/validation/form'
import { HTTPException } from 'hono/http-exception'
import { findAuthorBySlug } from '../authors-editors'
import { findCategoryBySlug } from '../categories'
import type { FeedFilter } from '../posts'
import { listFeedEntries, type FeedEntry } from './queries'
import { conditionalResponse } from '../../lib/conditional-get'
import { FEED_FILES, FEED_FORMATS, FEED_TYPES, type FeedFormat } from '../../lib/feed-links'
import {
  renderAtom,
  renderJsonFeed,
  renderRss,
  type SyndicatedEntry,
  type SyndicatedFeed,
} from './formats'
import { noteSourceHtml } from './note-html'
import { absoluteUrls } from '../../lib/seo'
import type { AppEnv, Site } from '../../types'
import { authorPath, categoryPath, postPath } from '../../lib/addresses'

const RENDERERS: Record<FeedFormat, (feed: SyndicatedFeed) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
}

type Scope = { filter: FeedFilter; basePath: string; title: string; description: string }

/**
 * An entry's id never changes with its title or slug: a tag URI (RFC 4151) made of the site's
 * host, the year the post was created and its database id.
 */
function entryId(site: Site, entry: FeedEntry): string {
  return `tag:${new URL(site.url).hostname},${entry.createdAt.getUTCFullYear()}:posts/${entry.id}`
}

function syndicated(site: Site, entry: FeedEntry): SyndicatedEntry {
  const published = entry.publishedAt
  return {
    id: entryId(site, entry),
    url: `${site.url}${postPath(entry.slug)}`,
    title: entry.title,
    summary: entry.excerpt,
    html:
      (entry.kind === 'note' ? noteSourceHtml(site, entry) : '') +
      absoluteUrls(entry.html, site.url),
    sourceUrl: entry.kind === 'note' && entry.sourceUrl ? entry.sourceUrl : undefined,
    language: entry.language,
    published,
    // A scheduled post was last saved before it went out: it is new as of its publication.
    updated: entry.updatedAt > published ? entry.updatedAt : published,
    author: { name: entry.author.name, url: `${site.url}${authorPath(entry.author.slug)}` },
    categories: entry.categories.map((category) => ({
      term: category.slug,
      label: category.name,
      url: `${site.url}${categoryPath(category.slug)}`,
    })),
  }
}

async function serveFeed(c: Context<AppEnv>, scope: Scope, format: FeedFormat) {
  const { site, db } = c.var
  const rows = await listFeedEntries(db, scope.filter, Date.now(), site.postsPerFeed)
  const entries = rows.map((row) => syndicated(site, row))
  const updated = new Date(Math.max(0, ...entries.map((entry) => entry.updated.getTime())))
  const pageUrl = `${site.url}${scope.basePath}`
  const body = RENDERERS[format]({
    id: pageUrl,
    title: scope.title,
    description: scope.description,
    language: site.locale,
    pageUrl,
    feedUrl: `${site.url}${scope.basePath === '/' ? '' : scope.basePath}/${FEED_FILES[format]}`,
    updated,
    entries,
  })
  return conditionalResponse(c.req.raw, body, `${FEED_TYPES[format]}; charset=utf-8`, updated)
}

const wholeBlog = (site: Site): Scope => ({
  filter: { kind: 'all' },
  basePath: '/',
  title: site.name,
  description: site.tagline,
})

async function categoryScope(c: Context<AppEnv>, slug: string): Promise<Scope> {
  const { site, db } = c.var
  const category = await findCategoryBySlug(db, slug)
  if (!category) throw new HTTPException(404)
  return {
    filter: { kind: 'category', categoryId: category.id },
    basePath: categoryPath(category.slug),
    title: `${site.name} — ${site.t.categoryFeedTitle(category.name)}`,
    description: category.description || site.t.categoryDescription(category.name, site.name),
  }
}

async function authorScope(c: Context<AppEnv>, slug: string): Promise<Scope> {
  const { site, db } = c.var
  const author = await findAuthorBySlug(db, slug)
  if (!author) throw new HTTPException(404)
  return {
    filter: { kind: 'author', authorId: author.id },
    basePath: authorPath(author.slug),
    title: `${site.name} — ${site.t.authorFeedTitle(author.name)}`,
    description: author.bio || site.t.authorDescription(author.name, site.name),
  }
}

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole blog, each category and each author. */
export const feedRoutes = new Hono<AppEnv>().get('/feed', (c) =>
  serveFeed(c, wholeBlog(c.var.site), 'rss'),
)

for (const format of FEED_FORMATS) {
  const file = FEED_FILES[format]
  feedRoutes
    .get(`/${file}`, (c) => serveFeed(c, wholeBlog(c.var.site), format))
    .get(`/categories/:slug/${file}`, slugParams, async (c) =>
      serveFeed(c, await categoryScope(c, c.req.valid('param').slug), format),
    )
    .get(`/authors/:slug/${file}`, slugParams, async (c) =>
      serveFeed(c, await authorScope(c, c.req.valid('param').slug), format),
    )
}
