import type { Site } from '../types'

/**
 * The link marked as the current section on the page at `path`, if any: all the header takes from
 * the address (the page cache shares one 404 page between addresses that agree on it).
 */
export function currentNavHref(path: string): string | null {
  if (path === '/' || path === '/notes' || path === '/search') return path
  return path.startsWith('/categories') ? '/categories' : null
}

/**
 * Plain links that wrap on a narrow screen: nothing to open, so it needs no JavaScript. The
 * current section is marked for screen readers and styled by `aria-current`.
 */
export function SiteNav({ site, path }: { site: Site; path: string }) {
  const { t } = site
  const current = currentNavHref(path)
  const links = [
    { href: '/', label: t.home, current: current === '/' },
    { href: '/notes', label: t.notes, current: current === '/notes' },
    { href: '/categories', label: t.navCategories, current: current === '/categories' },
    { href: '/search', label: t.navSearch, current: current === '/search' },
    { href: '/rss.xml', label: t.navFeed, current: false },
  ]
  return (
    <nav class="site-nav" aria-label={t.siteNavigation}>
      <ul>
        {links.map((link) => (
          <li>
            <a href={link.href} aria-current={link.current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
