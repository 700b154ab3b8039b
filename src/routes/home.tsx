import { Hono } from 'hono'
import { websiteJsonLd } from '../lib/structured-data'
import type { AppEnv } from '../types'
import { renderFeed } from './feed-response'

export const homeRoutes = new Hono<AppEnv>().get('/', (c) =>
  renderFeed(c, {
    filter: { kind: 'all' },
    basePath: '/',
    heading: null,
    meta: { jsonLd: [websiteJsonLd(c.var.site)] },
  }),
)
