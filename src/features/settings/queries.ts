import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isPublishedPage } from '../../db/listing'
import { contentVersions, media, navigationMenus, posts, siteSettings } from '../../db/schema'
import type { SiteImage } from '../../types'
import { mediaUrl } from '../media'
import type { StoredMenus } from '../navigation'
import { seedSettings, type SiteSettings } from './seed'

/** The settings row (every column null when never saved), its images and the content version. */
type Row = {
  id: number | null
  name: string
  tagline: string
  language: SiteSettings['language']
  time_zone: string
  public_url: string
  posts_per_page: number
  posts_per_feed: number
  logo_alt: string
  social_image_alt: string
  footer_text: string
  mastodon_url: string
  linkedin_url: string
  instagram_url: string
  bluesky_url: string
  other_profile_url: string
  audience_enabled: number
  audience_retention_months: number
  version: number
  logo_key: string | null
  logo_width: number | null
  logo_height: number | null
  social_key: string | null
  social_width: number | null
  social_height: number | null
  content_version: number | null
  /** `{"header": "<links JSON>", …}` for the menus the owner has edited. */
  menus: string | null
  /** `[[id, slug], …]` of the published pages, for the menus' links to pages. */
  pages: string | null
}

/**
 * One statement, so one snapshot and no batch: the content version always comes back, the
 * settings row left-joined to it only if it exists.
 */
export function siteStateStatement() {
  const s = siteSettings
  return sql`SELECT ${s}.*,
    logo.key AS logo_key, logo.width AS logo_width, logo.height AS logo_height,
    social.key AS social_key, social.width AS social_width, social.height AS social_height,
    (SELECT ${contentVersions.version} FROM ${contentVersions} WHERE ${contentVersions.id} = 1)
      AS content_version,
    (SELECT json_group_object(${navigationMenus.menu}, ${navigationMenus.links})
      FROM ${navigationMenus}) AS menus,
    (SELECT json_group_array(json_array(id, slug)) FROM (SELECT ${posts.id} AS id, ${posts.slug} AS slug
      FROM ${posts} WHERE ${isPublishedPage} LIMIT ${MAX_PAGES})) AS pages
    FROM (SELECT 1) AS one
    LEFT JOIN ${s} ON ${s.id} = 1
    LEFT JOIN ${media} AS logo ON logo.id = ${s.logoMediaId}
    LEFT JOIN ${media} AS social ON social.id = ${s.socialImageMediaId}`
}

function image(key: string | null, width: number | null, height: number | null, alt: string) {
  if (!key) return null
  return { src: mediaUrl({ key }), width: width ?? 1, height: height ?? 1, alt } satisfies SiteImage
}

/** The stored settings, or the seed when the owner has never saved them. */
function settingsFromRow(row: Row, env: Env): SiteSettings {
  if (row.id === null) return seedSettings(env)
  return {
    name: row.name,
    tagline: row.tagline,
    language: row.language,
    timeZone: row.time_zone,
    publicUrl: row.public_url,
    postsPerPage: row.posts_per_page,
    postsPerFeed: row.posts_per_feed,
    logo: image(row.logo_key, row.logo_width, row.logo_height, row.logo_alt),
    socialImage: image(row.social_key, row.social_width, row.social_height, row.social_image_alt),
    footerText: row.footer_text,
    profiles: {
      mastodon: row.mastodon_url,
      linkedin: row.linkedin_url,
      instagram: row.instagram_url,
      bluesky: row.bluesky_url,
      other: row.other_profile_url,
    },
    audienceEnabled: Boolean(row.audience_enabled),
    retentionMonths: row.audience_retention_months,
  }
}

/** Pages the menus can link to; a site has a handful. */
const MAX_PAGES = 500

export type StoredSettings = {
  settings: SiteSettings
  menus: StoredMenus
  /** The published pages' slugs by id. */
  pages: [number, string][]
  /** The row's version, 0 while only the seed exists: what a save is conditioned on. */
  savedVersion: number
  /** The content version read in the same statement: the settings are those of that version. */
  contentVersion: number
}

/** The settings and menus, and the content version they belong to, in one statement. */
export async function readSiteSettings(db: Db, env: Env): Promise<StoredSettings> {
  const [row] = await db.all<Row>(siteStateStatement())
  return {
    settings: settingsFromRow(row, env),
    menus: JSON.parse(row.menus ?? '{}') as StoredMenus,
    pages: JSON.parse(row.pages ?? '[]') as [number, string][],
    savedVersion: row.id === null ? 0 : row.version,
    contentVersion: row.content_version ?? 0,
  }
}
