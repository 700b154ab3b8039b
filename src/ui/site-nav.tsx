import type { Site, SiteNavLink } from '../types'

/** The path part of an address on this site, decoded as routes see it; null for other sites. */
function pathOf(href: string): string | null {
  if (!href.startsWith('/') || href.startsWith('//')) return null
  const path = href.replace(/[?#].*$/, '')
  try {
    return decodeURI(path)
  } catch {
    return path
  }
}

/** A link marks its section: its own address, and what lies under it (`/categories/x`). */
export function isCurrent(href: string, path: string) {
  const own = pathOf(href)
  if (own === null) return false
  return path === own || (own !== '/' && path.startsWith(`${own.replace(/\/$/, '')}/`))
}

/** The one link to mark: of those whose section holds the page, the most specific. */
function currentHref(links: SiteNavLink[], path: string): string | null {
  const all = links.flatMap((link) => [link, ...link.children])
  const matching = all.filter((link) => isCurrent(link.href, path))
  matching.sort((a, b) => (pathOf(b.href)?.length ?? 0) - (pathOf(a.href)?.length ?? 0))
  return matching[0]?.href ?? null
}

function Links({ links, current }: { links: SiteNavLink[]; current: string | null }) {
  return (
    <ul>
      {links.map((link) => (
        <li>
          <a href={link.href} aria-current={link.href === current ? 'page' : undefined}>
            {link.label}
          </a>
          {link.children.length > 0 && <Links links={link.children} current={current} />}
        </li>
      ))}
    </ul>
  )
}

/**
 * Plain links that wrap on a narrow screen (a second level shows as an indented list): nothing to
 * open, so it needs no JavaScript. The current section is marked for screen readers and styled
 * by `aria-current`.
 */
export function SiteNav({ site, path }: { site: Site; path: string }) {
  if (site.navigation.header.length === 0) return null
  return (
    <nav class="site-nav" aria-label={site.t.siteNavigation}>
      <Links links={site.navigation.header} current={currentHref(site.navigation.header, path)} />
    </nav>
  )
}

/** The footer's links, when the owner has added some. */
export function FooterNav({ site, path }: { site: Site; path: string }) {
  if (site.navigation.footer.length === 0) return null
  return (
    <nav class="footer-nav" aria-label={site.t.footerNavigation}>
      <Links links={site.navigation.footer} current={currentHref(site.navigation.footer, path)} />
    </nav>
  )
}

/**
 * What the header and the footer take from the address at `path`: which of their links each
 * marks as current, by position. Within one content version the links are fixed, so two
 * addresses with the same marks get the same header and footer (the page cache shares one 404
 * page between them).
 */
export function navMarks(site: Site, path: string): string {
  const mark = (links: SiteNavLink[]) => {
    const current = currentHref(links, path)
    const all = links.flatMap((link) => [link, ...link.children])
    return current === null ? '-' : String(all.findIndex((link) => link.href === current))
  }
  return `${mark(site.navigation.header)}.${mark(site.navigation.footer)}`
}
