import { decodeEntities } from '../../../lib/plain-text'
import { decodePage } from './charset'

/** What a page says about itself; each field empty when the page does not say. */
export type PageMetadata = {
  title: string
  description: string
  siteName: string
  canonicalUrl: string
  language: string
  publishedAt: string
  imageUrl: string
}

type Candidates = Record<keyof PageMetadata, string[]>

const META_FIELDS: Record<string, keyof PageMetadata> = {
  'og:title': 'title',
  'twitter:title': 'title',
  'og:description': 'description',
  'twitter:description': 'description',
  description: 'description',
  'og:site_name': 'siteName',
  'application-name': 'siteName',
  'og:url': 'canonicalUrl',
  'og:locale': 'language',
  'article:published_time': 'publishedAt',
  'og:published_time': 'publishedAt',
  date: 'publishedAt',
  'og:image': 'imageUrl',
  'og:image:url': 'imageUrl',
  'og:image:secure_url': 'imageUrl',
  'twitter:image': 'imageUrl',
  'twitter:image:src': 'imageUrl',
}

/** Lower numbers win: OpenGraph, then Twitter cards, then plain HTML. */
const PRIORITY = (key: string) =>
  key.startsWith('og:') || key.startsWith('article:') ? 0 : key.startsWith('twitter:') ? 1 : 2

function findDatePublished(value: unknown, depth = 0): string | null {
  if (!value || typeof value !== 'object' || depth > 5) return null
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findDatePublished(item, depth + 1)
      if (found) return found
    }
    return null
  }
  const record = value as Record<string, unknown>
  if (typeof record.datePublished === 'string') return record.datePublished
  return findDatePublished(record['@graph'] ?? record.mainEntity ?? null, depth + 1)
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

function absolute(value: string, base: URL): string {
  if (!value) return ''
  try {
    const url = new URL(value, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : ''
  } catch {
    return ''
  }
}

/**
 * Reads a page's metadata with HTMLRewriter: OpenGraph and Twitter tags, `<title>`,
 * `<meta name=description>`, the canonical link, `<html lang>` and JSON-LD `datePublished`.
 * Relative addresses are resolved against the page's final URL. Values are plain text.
 */
export async function extractMetadata(
  bytes: Uint8Array,
  contentType: string,
  pageUrl: URL,
  truncated = false,
): Promise<PageMetadata> {
  const found: Record<keyof PageMetadata, { value: string; priority: number } | null> = {
    title: null,
    description: null,
    siteName: null,
    canonicalUrl: null,
    language: null,
    publishedAt: null,
    imageUrl: null,
  }
  const offer = (field: keyof PageMetadata, value: string | null, priority: number) => {
    const text = collapse(decodeEntities(value ?? ''))
    const current = found[field]
    if (text && (!current || priority < current.priority)) found[field] = { value: text, priority }
  }
  let titleText = ''
  let inTitle = false
  const jsonLd: string[] = []

  const rewriter = new HTMLRewriter()
    // The document's own declaration outranks og:locale, which CMSs often leave at en_US.
    .on('html[lang]', {
      element: (el) => offer('language', el.getAttribute('lang'), -1),
    })
    .on('meta', {
      element: (el) => {
        const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase()
        const field = META_FIELDS[key]
        if (field) offer(field, el.getAttribute('content'), PRIORITY(key))
      },
    })
    .on('link[rel~="canonical" i]', {
      element: (el) => offer('canonicalUrl', el.getAttribute('href'), 1),
    })
    .on('title', {
      element: (el) => {
        inTitle = titleText === ''
        el.onEndTag(() => {
          inTitle = false
        })
      },
      text: (chunk) => {
        if (inTitle) titleText += chunk.text
      },
    })
    .on('script[type="application/ld+json" i]', {
      element: () => {
        jsonLd.push('')
      },
      text: (chunk) => {
        jsonLd[jsonLd.length - 1] += chunk.text
      },
    })

  const html = decodePage(bytes, contentType, truncated)
  await rewriter
    .transform(new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }))
    .arrayBuffer()

  offer('title', titleText, 2)
  for (const block of jsonLd) {
    try {
      offer('publishedAt', findDatePublished(JSON.parse(block)), 1)
    } catch {
      // Broken JSON-LD is common; the other sources still count.
    }
  }
  const value = (field: keyof PageMetadata) => found[field]?.value ?? ''
  return {
    title: value('title'),
    description: value('description'),
    siteName: value('siteName'),
    canonicalUrl: absolute(value('canonicalUrl'), pageUrl),
    language: value('language').slice(0, 2).toLowerCase(),
    publishedAt: value('publishedAt'),
    imageUrl: absolute(value('imageUrl'), pageUrl),
  }
}
