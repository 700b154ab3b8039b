import { Hono } from 'hono'
import type { AppEnv } from '../types'
import { renderFeed } from './feed-response'

export const homeRoutes = new Hono<AppEnv>().get('/', (c) =>
  renderFeed(c, { filter: { kind: 'all' }, basePath: '/', heading: null }),
)
