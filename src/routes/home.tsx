import { Hono } from 'hono'
import { websiteJsonLd } from '../lib/structured-data'
import type { AppEnv } from '../types'
import { renderFeed } from './feed-response'
import { lenientQuery } from '../validation/form'
import { feedQuery } from '../validation/feed'

export const homeRoutes = new Hono<AppEnv>().get('/', lenientQuery(feedQuery), (c) =>
  renderFeed(c, c.req.valid('query'), {
    filter: { kind: 'all' },
    basePath: '/',
    heading: null,
    meta: { jsonLd: [websiteJsonLd(c.var.site)] },
  }),
)
