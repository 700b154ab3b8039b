import { createMiddleware } from 'hono/factory'
import { createDb } from '../db/client'
import { messagesFor, toLocale } from '../lib/i18n'
import type { AppEnv } from '../types'

/** Site settings from `wrangler.toml` vars and a Drizzle client, for every handler and view. */
export const siteContext = createMiddleware<AppEnv>(async (c, next) => {
  const locale = toLocale(c.env.SITE_LOCALE)
  c.set('site', {
    url: (c.env.SITE_URL || new URL(c.req.url).origin).replace(/\/+$/, ''),
    name: c.env.SITE_NAME,
    tagline: c.env.SITE_TAGLINE,
    locale,
    timeZone: c.env.SITE_TIMEZONE || 'UTC',
    t: messagesFor(locale),
    responsiveImages: Boolean(c.env.IMAGES),
  })
  c.set('db', createDb(c.env.DB))
  await next()
})
