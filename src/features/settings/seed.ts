import type { Language } from '../../db/schema'
import { toLocale } from '../../i18n/site'
import { isValidTimeZone } from '../../lib/dates'
import { retentionMonths } from '../audience'
import { PAGE_SIZE } from '../posts'
import type { SiteImage } from '../../types'
import { SETTINGS_LIMITS } from './limits'

/** The settings as the site uses them: stored in D1, or seeded from wrangler.toml until then. */
export type SiteSettings = {
  name: string
  tagline: string
  language: Language
  timeZone: string
  publicUrl: string
  postsPerPage: number
  postsPerFeed: number
  logo: SiteImage | null
  socialImage: SiteImage | null
  footerText: string
  profiles: {
    mastodon: string
    linkedin: string
    instagram: string
    bluesky: string
    other: string
  }
  audienceEnabled: boolean
  retentionMonths: number
}

export const DEFAULT_POSTS_PER_FEED = 20

function boundedCount(value: string | undefined, fallback: number, max: number) {
  const count = Number(value)
  return Number.isInteger(count) && count > 0 ? Math.min(count, max) : fallback
}

/**
 * What wrangler.toml's `[vars]` say, for a site whose owner has not saved its settings yet: they
 * seed the settings page, and the first save moves them into D1 for good.
 */
export function seedSettings(env: Env): SiteSettings {
  const timeZone =
    env.SITE_TIMEZONE && isValidTimeZone(env.SITE_TIMEZONE) ? env.SITE_TIMEZONE : 'UTC'
  return {
    name: env.SITE_NAME || 'Blog',
    tagline: env.SITE_TAGLINE ?? '',
    language: toLocale(env.SITE_LOCALE),
    timeZone,
    publicUrl: (env.SITE_URL ?? '').replace(/\/+$/, ''),
    postsPerPage: PAGE_SIZE,
    postsPerFeed: boundedCount(
      env.FEED_POSTS,
      DEFAULT_POSTS_PER_FEED,
      SETTINGS_LIMITS.postsPerFeed,
    ),
    logo: null,
    socialImage: null,
    footerText: '',
    profiles: { mastodon: '', linkedin: '', instagram: '', bluesky: '', other: '' },
    audienceEnabled: env.ANALYTICS_ENABLED !== 'false',
    retentionMonths: retentionMonths(env.ANALYTICS_RETENTION_MONTHS),
  }
}
