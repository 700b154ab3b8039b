import type { Site } from '../types'

/**
 * Plain links that wrap on a narrow screen: nothing to open, so it needs no JavaScript. The
 * current section is marked for screen readers and styled by `aria-current`.
 */
export function SiteNav({ site, path }: { site: Site; path: string }) {
  const { t } = site
  const links = [
    { href: '/', label: t.home, current: path === '/' },
    { href: '/notes', label: t.notes, current: path === '/notes' },
    { href: '/categories', label: t.navCategories, current: path.startsWith('/categories') },
    { href: '/search', label: t.navSearch, current: path === '/search' },
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
