import { messagesFor } from '../../i18n/site'
import type { Site, SocialProfile } from '../../types'
import { siteNavigation } from '../navigation'
import type { StoredSettings } from './queries'

const NETWORKS = ['mastodon', 'linkedin', 'instagram', 'bluesky', 'other'] as const

/** The settings as every handler and view reads them (`c.var.site`), for the address asked. */
export function siteFrom(
  stored: Pick<StoredSettings, 'settings' | 'menus' | 'pages'>,
  env: Env,
  requestUrl: string,
): Site {
  const { settings } = stored
  const t = messagesFor(settings.language)
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
    t,
    responsiveImages: Boolean(env.IMAGES),
    postsPerPage: settings.postsPerPage,
    postsPerFeed: settings.postsPerFeed,
    logo: settings.logo,
    socialImage: settings.socialImage,
    footerText: settings.footerText,
    socialProfiles,
    audience: { enabled: settings.audienceEnabled, retentionMonths: settings.retentionMonths },
    navigation: siteNavigation(stored.menus, new Map(stored.pages), t),
  }
}
