import { Hono } from 'hono'
import type { AppEnv } from '../../types'
import { renderFeed } from '../posts'
import { lenientQuery } from '../../lib/validation/form'
import { feedQuery } from '../posts'

/** Only the notes, newest first: the header's "Notes" link. */
export const noteRoutes = new Hono<AppEnv>().get('/', lenientQuery(feedQuery), (c) => {
  const heading = c.var.site.t.notesHeading
  return renderFeed(c, c.req.valid('query'), {
    filter: { kind: 'postKind', postKind: 'note' },
    basePath: '/notes',
    heading,
    title: heading,
  })
})
