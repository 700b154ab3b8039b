import type { Site, SocialProfile } from '../types'

const NAMES: Record<SocialProfile['network'], string> = {
  mastodon: 'Mastodon',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  bluesky: 'Bluesky',
  other: '',
}

function hostOf(url: string) {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}

/**
 * The owner's profiles elsewhere, as plain links. Mastodon's carries rel="me": a Mastodon
 * profile that links back here then shows this site as verified.
 */
export function SocialLinks({ site }: { site: Site }) {
  if (site.socialProfiles.length === 0) return null
  return (
    <ul class="social-links">
      {site.socialProfiles.map((profile) => (
        <li>
          <a href={profile.url} rel={profile.network === 'mastodon' ? 'me' : undefined}>
            {NAMES[profile.network] || hostOf(profile.url)}
          </a>
        </li>
      ))}
    </ul>
  )
}
