import type { Db } from './db/client'
import type { User } from './db/schema'
import type { AdminMessages } from './i18n/admin'
import type { Locale, Messages } from './i18n/site'
import type { PageMeta } from './ui/head-meta'

export type Site = {
  /** The site's origin, `https://host` without a trailing slash, for absolute URLs. */
  url: string
  name: string
  tagline: string
  locale: Locale
  timeZone: string
  t: Messages
  /** Cloudflare Images is bound: images get srcset with resized copies. */
  responsiveImages: boolean
  /** Posts per list page (the home page, categories, authors, notes) and per feed. */
  postsPerPage: number
  postsPerFeed: number
  /** Images from the media library: the header's logo, link previews' default picture. */
  logo: SiteImage | null
  socialImage: SiteImage | null
  footerText: string
  /** Links to the owner's profiles elsewhere, shown in the footer; Mastodon's with rel="me". */
  socialProfiles: SocialProfile[]
  audience: { enabled: boolean; retentionMonths: number }
  /** The header's and the footer's links (features/navigation), pages' links resolved. */
  navigation: { header: SiteNavLink[]; footer: SiteNavLink[] }
}

/** A navigation link as readers get it: its address ready for `href`, one level of children. */
export type SiteNavLink = { label: string; href: string; children: SiteNavLink[] }

/** An uploaded image as the layout shows it: its `/media/` path, size and alt text. */
export type SiteImage = { src: string; width: number; height: number; alt: string }

export type SocialProfile = {
  network: 'mastodon' | 'linkedin' | 'instagram' | 'bluesky' | 'other'
  url: string
}

export type AppEnv = {
  Bindings: Env
  Variables: {
    site: Site
    db: Db
    d1Session: D1DatabaseSession
    /**
     * The site's settings from D1 (once per request, `site` set to them): before it runs, `site`
     * holds only the wrangler.toml seed, which error pages may use.
     */
    loadSite: () => Promise<Site>
    /** The content version the page cache keyed this request by, when it did. */
    contentVersion?: number
    /** Set by the page cache on a miss: the only part of the query its entry may depend on. */
    cachedQuery?: string
    /**
     * Set by an admin page that shows the result of a write made elsewhere (an import's
     * Workflow): the page cache then reads this data centre's content state again, as after a POST.
     */
    contentChanged?: boolean
    /**
     * A reader's write that readers see at once (a comment published without moderation): the
     * page cache reads this data centre's content state again, as after an editor's save.
     */
    readerPublished?: boolean
  }
}

/** Admin routes also know who is logged in (null once a session has expired). */
export type AdminEnv = {
  Bindings: Env
  Variables: {
    site: Site
    db: Db
    d1Session: D1DatabaseSession
    loadSite: () => Promise<Site>
    contentVersion?: number
    editor: User | null
    sessionTokenHash: string | null
    a: AdminMessages
    /** See AppEnv: this admin page shows a write made elsewhere. */
    contentChanged?: boolean
    /** Posts waiting for review, counted for the navigation of editors and the owner. */
    pendingReviews?: number
    /** Comments held for moderation, counted for the same navigation (features/comments). */
    pendingComments?: number
  }
}

/** Routes behind `requireEditor`: someone is logged in. */
export type EditorEnv = AdminEnv & { Variables: { editor: User } }

declare module 'hono' {
  interface ContextRenderer {
    (
      content: string | Promise<string>,
      props: { title?: string; description?: string; admin?: boolean } & PageMeta,
    ): Response | Promise<Response>
  }
}
