import { Hono } from 'hono'
import type { AppEnv } from '../types'
import { renderFeed } from './feed-response'

/** Only the notes, newest first: the header's "Notes" link. */
export const noteRoutes = new Hono<AppEnv>().get('/', (c) => {
  const heading = c.var.site.t.notesHeading
  return renderFeed(c, {
    filter: { kind: 'postKind', postKind: 'note' },
    basePath: '/notes',
    heading,
    title: heading,
  })
})
