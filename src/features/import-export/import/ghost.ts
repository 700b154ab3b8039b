import { lexicalToHtml } from './lexical'
import { emptyBlog, ImportFileError, type SourceBlog, type SourceComment } from './source'

type Row = Record<string, unknown>

const str = (value: unknown) => (typeof value === 'string' ? value : '')

function table(data: Row, name: string): Row[] {
  const rows = data[name]
  return Array.isArray(rows) ? (rows.filter((r) => r && typeof r === 'object') as Row[]) : []
}

/** Ghost's JSON export (Settings → Labs → Export, Ghost 5): its `db[0].data` tables. */
export function parseGhost(text: string): SourceBlog {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ImportFileError('The file is not valid JSON: it may be truncated.')
  }
  const root = json as { db?: { data?: Row; meta?: Row }[]; data?: Row }
  const data = root?.db?.[0]?.data ?? root?.data
  if (!data || !Array.isArray(data.posts))
    throw new ImportFileError('This JSON is not a Ghost export (it has no db[0].data.posts).')

  const blog = emptyBlog('ghost')
  for (const user of table(data, 'users'))
    blog.authors.push({
      sourceId: str(user.id),
      slug: str(user.slug),
      name: str(user.name) || str(user.slug),
      bio: str(user.bio),
    })
  const tags = new Map<string, Row>()
  for (const tag of table(data, 'tags')) {
    tags.set(str(tag.id), tag)
    // Internal tags (#name) only steer Ghost themes; they are no reader's category.
    if (tag.visibility === 'internal' || str(tag.name).startsWith('#')) continue
    blog.terms.push({
      sourceId: str(tag.id),
      kind: 'tag',
      slug: str(tag.slug),
      name: str(tag.name),
      description: str(tag.description),
    })
  }
  const postTags = groupBy(table(data, 'posts_tags'), 'post_id')
  const postAuthors = groupBy(table(data, 'posts_authors'), 'post_id')
  const postComments = ghostComments(data, blog)

  for (const post of table(data, 'posts')) {
    const id = str(post.id)
    const title = str(post.title)
    const type = post.type ?? 'post'
    if (type !== 'post' && type !== 'page') {
      blog.skipped.push({ kind: str(type), title, reason: `"${str(type)}" items are not posts` })
      continue
    }
    const html = str(post.html) || (post.lexical ? lexicalToHtml(str(post.lexical)) : '')
    const authorIds = (postAuthors.get(id) ?? []).map((row) => str(row.author_id))
    if (authorIds.length === 0 && str(post.author_id)) authorIds.push(str(post.author_id))
    blog.posts.push({
      ...(type === 'page' && { kind: 'page' as const }),
      sourceId: `ghost:${str(post.uuid) || id}`,
      link: undefined,
      title,
      slug: str(post.slug),
      status: str(post.status),
      publishedAt: isoOrNull(post.published_at),
      excerpt: str(post.custom_excerpt),
      html,
      language: str(post.locale) || undefined,
      authorSourceIds: authorIds,
      termSlugs: (postTags.get(id) ?? [])
        .sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0))
        .map((row) => tags.get(str(row.tag_id)))
        .filter((tag): tag is Row => !!tag && tag.visibility !== 'internal')
        .filter((tag) => !str(tag.name).startsWith('#'))
        .map((tag) => ({ kind: 'tag' as const, slug: str(tag.slug), name: str(tag.name) })),
      featureImage: str(post.feature_image) || undefined,
      ...(postComments.has(id) && { comments: postComments.get(id) }),
    })
  }
  return blog
}

/**
 * Ghost's own comments (members' comments, when the export has them): the published ones, by
 * post, with the member's name; hidden and deleted ones are reported, not imported.
 */
function ghostComments(data: Row, blog: SourceBlog) {
  const members = new Map(table(data, 'members').map((member) => [str(member.id), member]))
  const byPost = new Map<string, SourceComment[]>()
  let unpublished = 0
  for (const comment of table(data, 'comments')) {
    if (str(comment.status) !== 'published') {
      unpublished++
      continue
    }
    const member = members.get(str(comment.member_id))
    const postId = str(comment.post_id)
    byPost.set(postId, [
      ...(byPost.get(postId) ?? []),
      {
        sourceId: str(comment.id),
        parentId: str(comment.parent_id) || null,
        authorName: str(member?.name) || 'Anonymous',
        authorUrl: '',
        createdAt: isoOrNull(comment.created_at) ?? new Date(0).toISOString(),
        html: str(comment.html),
      },
    ])
  }
  if (unpublished)
    blog.skipped.push({
      kind: 'comment',
      title: '',
      reason: `${unpublished} hidden or deleted comment(s): not imported`,
    })
  return byPost
}

function groupBy(rows: Row[], key: string) {
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const value = str(row[key])
    groups.set(value, [...(groups.get(value) ?? []), row])
  }
  return groups
}

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const time = typeof value === 'number' ? value : Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}
