/**
 * The first path segments the blog answers itself, or that other engines' old addresses use: a
 * page (`/<slug>`) may not take one, since it would hide the blog's own page or never be reached.
 * test/features/pages/ checks that every route the app mounts is listed here.
 */
export const RESERVED_ROOT_SLUGS: ReadonlySet<string> = new Set([
  // The blog's routes (src/index.tsx) and what they serve at the root.
  'admin',
  'posts',
  'notes',
  'categories',
  'authors',
  'search',
  'privacy',
  'media',
  'preview',
  // The agents' endpoints (features/mcp): the MCP server and OAuth.
  'mcp',
  'oauth',
  // Following by email (features/subscriptions): the form and the links in its messages.
  'subscribe',
  'unsubscribe',
  'feed',
  'rss.xml',
  'atom.xml',
  'feed.json',
  'sitemap.xml',
  'robots.txt',
  // Files under static/, served before the Worker runs.
  'css',
  'js',
  'icons',
  'favicon.ico',
  // Addresses of other engines that imports redirect (`/category/x`, `/tag/x`, `/page/2`), and
  // names a browser or a crawler asks for.
  'category',
  'tag',
  'tags',
  'author',
  'page',
  'pages',
  'rss',
  'atom',
  'sitemap',
  'wp-admin',
  'wp-content',
  'wp-login.php',
  'index.html',
  '.well-known',
  'api',
])

export const isReservedRootSlug = (slug: string) => RESERVED_ROOT_SLUGS.has(slug)
