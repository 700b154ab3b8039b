import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { listFeedPage, type FeedFilter, type FeedWindow } from './list-queries'
import { FRAGMENT_VARY, isFragmentRequest } from '../../lib/htmx'
import { encodeCursor } from '../../lib/cursor'
import type { AppEnv } from '../../types'
import type { PageMeta } from '../../ui/head-meta'
import type { FeedQuery } from './list-schemas'
import { FeedPage } from './views/list-page'
import { FeedChunkFragment } from './views/list-chunk'

export class BadCursorException extends HTTPException {
  constructor() {
    super(400, { message: 'bad-cursor' })
  }
}

function readWindow({ after, through }: FeedQuery): FeedWindow {
  if (after === 'invalid' || (after === undefined && through === 'invalid'))
    throw new BadCursorException()
  if (after) return { after }
  if (through && through !== 'invalid') return { through }
  return {}
}

/**
 * The list at `basePath`: a full page, or the next posts as a fragment for htmx. After a Load
 * More, the address bar is set to `?through=<last post shown>`, so that Back after opening a post
 * rebuilds the same list from the server.
 */
export async function renderFeed(
  c: Context<AppEnv>,
  query: FeedQuery,
  options: {
    filter: FeedFilter
    basePath: string
    heading: string | null
    title?: string
    /** A line under the heading: an author's biography. */
    intro?: { text: string; language: string }
    description?: string
    meta?: PageMeta
  },
) {
  const window = readWindow(query)
  const { site, db } = c.var
  const page = await listFeedPage(db, options.filter, window, Date.now(), site.postsPerPage)
  const nextHref = page.nextCursor
    ? `${options.basePath}?after=${encodeCursor(page.nextCursor)}`
    : null
  c.header('Vary', FRAGMENT_VARY)

  if (window.after && isFragmentRequest(c.req.raw.headers)) {
    const last = page.posts.at(-1)
    if (last) {
      const through = encodeCursor({ publishedAt: last.publishedAt.getTime(), id: last.id })
      c.header('HX-Replace-Url', `${options.basePath}?through=${through}`)
    }
    return c.html(<FeedChunkFragment site={site} posts={page.posts} nextHref={nextHref} />)
  }

  return c.render(
    <FeedPage
      site={site}
      heading={options.heading}
      intro={options.intro}
      posts={page.posts}
      nextHref={nextHref}
      firstPageHref={window.after ? options.basePath : null}
    />,
    {
      title: options.title,
      description: options.description,
      // Load More pages are pages of their own; a list rebuilt for Back is the first page.
      canonicalPath: window.after
        ? `${options.basePath}?after=${encodeCursor(window.after)}`
        : options.basePath,
      ...options.meta,
    },
  )
}
