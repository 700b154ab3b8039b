import { Hono } from 'hono'
import { websiteJsonLd } from './structured-data'
import type { AppEnv } from '../../types'
import { renderFeed } from './list-response'
import { lenientQuery } from '../../lib/validation/form'
import { feedQuery } from './list-schemas'

export const homeRoutes = new Hono<AppEnv>().get('/', lenientQuery(feedQuery), (c) =>
  renderFeed(c, c.req.valid('query'), {
    filter: { kind: 'all' },
    basePath: '/',
    heading: null,
    meta: { jsonLd: [websiteJsonLd(c.var.site)] },
  }),
)
