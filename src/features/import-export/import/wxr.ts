import { SaxesParser, type SaxesTagPlain } from 'saxes'
import {
  emptyBlog,
  ImportFileError,
  type SourceBlog,
  type SourceComment,
  type SourcePost,
} from './source'

/** Past these sizes a file is hostile or broken, not a blog: refuse it rather than hold it all. */
export const WXR_LIMITS = { attribute: 8_192, field: 4_000_000 }

type Item = {
  fields: Map<string, string>
  terms: SourcePost['termSlugs']
  meta: Map<string, string>
  comments: SourceComment[]
  /** Held and spam comments: reported, never imported. */
  unapproved: number
}

const GROUPS = ['wp:author', 'wp:category', 'wp:tag', 'wp:postmeta', 'wp:comment']

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/** A WordPress `YYYY-MM-DD hh:mm:ss` GMT field as ISO 8601; null for its `0000-00-00` "unset". */
export function wordpressGmtDate(value: string | undefined): string | null {
  const match = WP_DATE.exec(value?.trim() ?? '')
  if (!match || match[1] === '0000') return null
  const [, y, mo, d, h, mi, s] = match.map(Number)
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString()
}

function rssDate(value: string): string | null {
  const time = value ? Date.parse(value) : NaN
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

function trimSlash(url: string) {
  return url.trim().replace(/\/+$/, '')
}

/** Takes posts as the reader hands them over; the reader waits for it before reading on. */
export type PostSink = (posts: SourcePost[]) => Promise<void> | void

/**
 * Reads a WordPress export (WXR 1.1/1.2) as it streams in. Only the five XML entities and
 * numeric references are understood: a DOCTYPE (the only way to declare entities that expand)
 * is refused, as are oversized attributes and fields. Given `onPosts`, the posts read from each
 * chunk are handed to it at once and not kept, so memory does not grow with the number of posts;
 * the file may still prove broken further on, so whoever writes them has read it whole before.
 */
export async function parseWxr(
  chunks: AsyncIterable<string>,
  onPosts?: PostSink,
): Promise<SourceBlog> {
  const blog = emptyBlog('wordpress')
  const parser = new SaxesParser({ xmlns: false })
  const stack: string[] = []
  let text: string[] = []
  let textLength = 0
  let sawRss = false
  let isWxr = false
  let group: Map<string, string> | null = null
  let item: Item | null = null
  let failure: Error | null = null

  const fail = (message: string) => {
    failure ??= new ImportFileError(message)
  }

  parser.on('doctype', () => fail('The file declares a DOCTYPE; a WordPress export never does.'))
  parser.on('error', (error) => fail(`The file is not well-formed XML: ${error.message}`))
  parser.on('opentag', (node: SaxesTagPlain) => {
    for (const value of Object.values(node.attributes))
      if (value.length > WXR_LIMITS.attribute) fail(`An attribute of <${node.name}> is too long.`)
    if (stack.length === 0) {
      sawRss = node.name === 'rss'
      isWxr = Object.values(node.attributes).some((v) => /wordpress\.org\/export\//.test(v))
    }
    const parent = stack[stack.length - 1]
    if (node.name === 'item' && parent === 'channel') {
      item = { fields: new Map(), terms: [], meta: new Map(), comments: [], unapproved: 0 }
    } else if (GROUPS.includes(node.name) && (item || node.name !== 'wp:comment')) {
      group = new Map()
    }
    if (item && node.name === 'category' && parent === 'item') {
      const domain = node.attributes.domain
      const slug = node.attributes.nicename
      if ((domain === 'category' || domain === 'post_tag') && slug)
        item.terms.push({ kind: domain === 'category' ? 'category' : 'tag', slug, name: '' })
    }
    stack.push(node.name)
    text = []
    textLength = 0
  })
  const onText = (value: string) => {
    textLength += value.length
    if (textLength > WXR_LIMITS.field) fail(`The field <${stack[stack.length - 1]}> is too long.`)
    else text.push(value)
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('closetag', (node) => {
    const name = node.name
    const value = text.join('')
    text = []
    textLength = 0
    stack.pop()
    const parent = stack[stack.length - 1]
    if (name === 'wp:base_blog_url' || (name === 'link' && parent === 'channel' && !blog.baseUrl))
      blog.baseUrl = trimSlash(value)
    else if (group && !GROUPS.includes(name)) group.set(name, value)
    else if (name === 'wp:author' && group) {
      const first = group.get('wp:author_first_name') ?? ''
      const last = group.get('wp:author_last_name') ?? ''
      const login = group.get('wp:author_login') ?? ''
      blog.authors.push({
        sourceId: login,
        slug: login,
        name: group.get('wp:author_display_name') || `${first} ${last}`.trim() || login,
        bio: '',
      })
      group = null
    } else if (name === 'wp:category' && group) {
      blog.terms.push({
        sourceId: `category:${group.get('wp:term_id') ?? ''}`,
        kind: 'category',
        slug: group.get('wp:category_nicename') ?? '',
        name: group.get('wp:cat_name') ?? '',
        description: group.get('wp:category_description') ?? '',
      })
      group = null
    } else if (name === 'wp:tag' && group) {
      blog.terms.push({
        sourceId: `tag:${group.get('wp:term_id') ?? ''}`,
        kind: 'tag',
        slug: group.get('wp:tag_slug') ?? '',
        name: group.get('wp:tag_name') ?? '',
        description: group.get('wp:tag_description') ?? '',
      })
      group = null
    } else if (name === 'wp:postmeta' && group && item) {
      item.meta.set(group.get('wp:meta_key') ?? '', group.get('wp:meta_value') ?? '')
      group = null
    } else if (name === 'wp:comment' && group && item) {
      const comment = wordpressComment(group)
      if (comment) item.comments.push(comment)
      else item.unapproved++
      group = null
    } else if (item && name === 'category' && parent === 'item') {
      const term = item.terms[item.terms.length - 1]
      if (term && !term.name) term.name = value
    } else if (item && name === 'item') {
      addItem(blog, item)
      item = null
    } else if (item && parent === 'item') item.fields.set(name, value)
  })

  const throwIfFailed = () => {
    if (failure) throw failure
  }
  const handOver = async () => {
    if (onPosts && sawRss && isWxr && blog.posts.length) await onPosts(blog.posts.splice(0))
  }
  for await (const chunk of chunks) {
    parser.write(chunk)
    throwIfFailed()
    await handOver()
  }
  parser.close()
  throwIfFailed()
  if (!sawRss || !isWxr)
    throw new ImportFileError('This is not a WordPress export (Tools → Export gives an .xml file).')
  if (stack.length > 0) throw new ImportFileError('The export is truncated: it ends too early.')
  await handOver()
  return blog
}

function addItem(blog: SourceBlog, item: Item) {
  const field = (name: string) => item.fields.get(name) ?? ''
  const type = field('wp:post_type')
  const title = field('title')
  const id = field('wp:post_id')
  if (type === 'attachment') {
    const url = field('wp:attachment_url') || field('guid')
    if (id && url) blog.attachments.set(id, url)
    return
  }
  if (item.unapproved > 0)
    blog.skipped.push({
      kind: 'comment',
      title,
      reason: `${item.unapproved} comment(s) held for moderation or marked as spam: not imported`,
    })
  if (type !== 'post' && type !== 'page') {
    blog.skipped.push({ kind: type || 'item', title, reason: `"${type}" items are not posts` })
    return
  }
  blog.posts.push({
    ...(type === 'page' && { kind: 'page' as const }),
    sourceId: field('guid') || `${blog.baseUrl}/?p=${id}`,
    numericId: id || undefined,
    link: field('link') || undefined,
    title,
    slug: field('wp:post_name'),
    status: field('wp:status'),
    publishedAt: wordpressGmtDate(field('wp:post_date_gmt')) ?? rssDate(field('pubDate')),
    excerpt: field('excerpt:encoded'),
    html: field('content:encoded'),
    authorSourceIds: field('dc:creator') ? [field('dc:creator')] : [],
    termSlugs: item.terms,
    thumbnailId: item.meta.get('_thumbnail_id') || undefined,
    ...(item.comments.length > 0 && { comments: item.comments }),
  })
}

/** An approved reader comment (pingbacks and trackbacks are not); null for any other. */
function wordpressComment(group: Map<string, string>): SourceComment | null {
  const type = group.get('wp:comment_type') ?? ''
  if (group.get('wp:comment_approved') !== '1' || (type !== '' && type !== 'comment')) return null
  const id = group.get('wp:comment_id') ?? ''
  const parent = group.get('wp:comment_parent') ?? '0'
  return {
    sourceId: id,
    parentId: parent && parent !== '0' ? parent : null,
    authorName: (group.get('wp:comment_author') ?? '').trim(),
    authorUrl: (group.get('wp:comment_author_url') ?? '').trim(),
    createdAt:
      wordpressGmtDate(group.get('wp:comment_date_gmt')) ??
      wordpressGmtDate(group.get('wp:comment_date')) ??
      new Date(0).toISOString(),
    html: group.get('wp:comment_content') ?? '',
  }
}
