import { messagesFor } from '../../i18n/site'
import type { Site, SocialProfile } from '../../types'
import type { SiteSettings } from './seed'

const NETWORKS = ['mastodon', 'linkedin', 'instagram', 'bluesky', 'other'] as const

/** The settings as every handler and view reads them (`c.var.site`), for the address asked. */
export function siteFrom(settings: SiteSettings, env: Env, requestUrl: string): Site {
  const socialProfiles: SocialProfile[] = NETWORKS.flatMap((network) => {
    const url = settings.profiles[network]
    return url ? [{ network, url }] : []
  })
  return {
    url: (settings.publicUrl || new URL(requestUrl).origin).replace(/\/+$/, ''),
    name: settings.name,
    tagline: settings.tagline,
    locale: settings.language,
    timeZone: settings.timeZone,
    t: messagesFor(settings.language),
    responsiveImages: Boolean(env.IMAGES),
    postsPerPage: settings.postsPerPage,
    postsPerFeed: settings.postsPerFeed,
    logo: settings.logo,
    socialImage: settings.socialImage,
    footerText: settings.footerText,
    socialProfiles,
    audience: { enabled: settings.audienceEnabled, retentionMonths: settings.retentionMonths },
  }
}
