import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { listFeedPage, type FeedFilter, type FeedWindow } from '../db/feed'
import { FRAGMENT_VARY, isFragmentRequest } from '../lib/htmx'
import { decodeCursor, encodeCursor, InvalidCursorError } from '../lib/cursor'
import type { AppEnv } from '../types'
import type { PageMeta } from '../views/head-meta'
import { FeedPage } from '../views/pages/feed-page'
import { FeedChunkFragment } from '../views/partials/feed-chunk'

export class BadCursorException extends HTTPException {
  constructor() {
    super(400, { message: 'bad-cursor' })
  }
}

function readWindow(c: Context<AppEnv>): FeedWindow {
  const after = c.req.query('after')
  const through = c.req.query('through')
  try {
    if (after !== undefined) return { after: decodeCursor(after) }
    if (through !== undefined) return { through: decodeCursor(through) }
    return {}
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new BadCursorException()
    throw error
  }
}

/**
 * The list at `basePath`: a full page, or the next posts as a fragment for htmx. After a Load
 * More, the address bar is set to `?through=<last post shown>`, so that Back after opening a post
 * rebuilds the same list from the server.
 */
export async function renderFeed(
  c: Context<AppEnv>,
  options: {
    filter: FeedFilter
    basePath: string
    heading: string | null
    title?: string
    description?: string
    meta?: PageMeta
  },
) {
  const window = readWindow(c)
  const { site, db } = c.var
  const page = await listFeedPage(db, options.filter, window, Date.now())
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
