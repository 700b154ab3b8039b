import { writeImportedComments } from './comments'
import { sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../../db/client'
import {
  authorIdsBySlug,
  categoryIdsBySlug,
  findImportedItems,
  importedRowsStatements,
  insertNamedRows,
  runStatements,
  postIdsBySlug,
  postsById,
  rememberImported,
  runBatches,
} from './imported-rows'
import { createPostsStatements, updatePostStatements, type PostInput } from '../../posts'
import { findMediaByKeys } from '../../media'
import { renderMarkdown } from '../../../lib/markdown'
import { mediaUrl } from '../../media'
import { FALLBACK_AUTHOR, type PlannedPost, type SitePlan } from './map'
import { authorPath, categoryPath, pagePath, pathSpellings, postPath } from './paths'
import type { Redirect, RedirectWriter } from './redirects'
import type { ImportReport } from './report'

export type WriteOptions = { dryRun: boolean; redirects: RedirectWriter }

/** Ids of what the plan's authors and categories became here. */
export type Resolved = { authors: Map<string, number>; categories: Map<string, number> }

async function writeRedirects(report: ImportReport, options: WriteOptions, redirects: Redirect[]) {
  const wanted = redirects
    .flatMap((r) => pathSpellings(r.from).map((from) => ({ from, to: r.to })))
    .filter((r) => r.from !== r.to)
  if (wanted.length === 0) return
  const created = await options.redirects(wanted, options.dryRun)
  report.counts.redirects.created += created
  report.counts.redirects.unchanged += wanted.length - created
}

/**
 * Authors and categories first: matched on a re-import by their source key, or on their slug
 * when this blog already has them (an author is a byline here, never an editor login).
 */
export async function writeAuthorsAndCategories(
  db: Db,
  plan: SitePlan,
  report: ImportReport,
  options: WriteOptions,
): Promise<Resolved> {
  const groups = [
    {
      kind: 'author' as const,
      items: plan.authors,
      tally: report.counts.authors,
      path: authorPath,
    },
    {
      kind: 'category' as const,
      items: plan.categories,
      tally: report.counts.categories,
      path: categoryPath,
    },
  ]
  const resolved: Resolved = { authors: new Map(), categories: new Map() }
  for (const group of groups) {
    const known = await findImportedItems(
      db,
      group.items.map((i) => i.key),
    )
    const slugs = group.items.map((i) => i.slug)
    const idsBySlug = group.kind === 'author' ? authorIdsBySlug : categoryIdsBySlug
    const bySlug = await idsBySlug(db, slugs)
    const fresh: { key: string; slug: string; name: string; text: string }[] = []
    for (const item of group.items) {
      const existing = known.get(item.key)?.targetId ?? bySlug.get(item.slug)
      group.tally[existing === undefined ? 'created' : 'unchanged']++
      if (!known.has(item.key)) {
        const text = 'bio' in item ? item.bio : item.description
        fresh.push({ key: item.key, slug: item.slug, name: item.name, text })
      }
    }
    if (!options.dryRun) await runStatements(db, insertNamedRows(db, group.kind, fresh))
    const ids = await idsBySlug(db, slugs)
    const target = group.kind === 'author' ? resolved.authors : resolved.categories
    for (const item of group.items) {
      const id = known.get(item.key)?.targetId ?? ids.get(item.slug)
      if (id !== undefined) target.set(item.key, id)
    }
    await writeRedirects(
      report,
      options,
      group.items.flatMap((item) =>
        item.oldPaths.map((from) => ({ from, to: group.path(item.slug) })),
      ),
    )
  }
  await writeRedirects(report, options, plan.siteRedirects)
  return resolved
}

/** Stable fingerprint of what an import writes for a post: equal means nothing to update. */
export async function postHash(post: PlannedPost) {
  // Comments are written with a new post only: a later import leaves a post's comments alone.
  const { oldPaths, comments: _comments, ...content } = post
  const bytes = new TextEncoder().encode(JSON.stringify(content))
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * One slice of the plan's posts (small enough for one request or one Workflow step). New posts
 * are created, changed ones updated, unchanged ones left alone; a post written here is never
 * touched: a source post whose slug it holds gets a suffixed slug, reported.
 */
export async function writePosts(
  db: Db,
  posts: PlannedPost[],
  resolved: Resolved,
  report: ImportReport,
  options: WriteOptions,
) {
  const known = await findImportedItems(
    db,
    posts.map((p) => p.key),
  )
  const taken = await postIdsBySlug(
    db,
    posts.flatMap((p) => [p.slug, `${p.slug}-2`, `${p.slug}-3`]),
  )
  const existing = await postsById(
    db,
    [...known.values()].map((k) => k.targetId),
  )
  const featuredKeys = posts.flatMap((p) => p.featureImage?.replace('/media/', '') ?? [])
  const featured = new Map(
    (await findMediaByKeys(db, featuredKeys)).map((m) => [mediaUrl(m), m.id]),
  )
  const claimed = new Set<string>()
  const created: { input: PostInput; key: string; hash: string; post: PlannedPost }[] = []
  const groups: BatchItem<'sqlite'>[][] = []
  const redirects: Redirect[] = []
  const fallbackAuthor = resolved.authors.get(FALLBACK_AUTHOR.key)
  for (const post of posts) {
    const contentHash = await postHash(post)
    const previous = known.get(post.key)
    const input: PostInput = {
      slug: post.slug,
      title: post.title,
      excerpt: post.excerpt,
      markdown: post.markdown,
      html: renderMarkdown(post.markdown, post.language),
      status: post.status,
      language: post.language,
      publishedAt: post.publishedAt,
      authorId: (post.authorKey && resolved.authors.get(post.authorKey)) || fallbackAuthor || 0,
      featuredMediaId: (post.featureImage && featured.get(post.featureImage)) || null,
      featuredImageAlt: post.featureImageAlt,
      ...(post.page && { kind: 'page' as const }),
      ...(post.note && {
        kind: 'note' as const,
        sourceUrl: post.note.url,
        sourceSiteName: post.note.siteName,
        sourcePublishedAt: post.note.publishedAt,
      }),
      categoryIds: [...new Set(post.categoryKeys.map((k) => resolved.categories.get(k)!))].filter(
        (id) => id !== undefined,
      ),
    }
    const current = previous && existing.get(previous.targetId)
    const tally = post.page ? report.counts.pages : report.counts.posts
    if (previous && current) {
      input.slug = current.slug
      if (previous.contentHash === contentHash) tally.unchanged++
      else if (current.updatedAt > previous.updatedAt) {
        tally.unchanged++
        report.skipped.push({
          kind: 'post',
          title: post.title,
          reason:
            'changed in the source, but edited here since the last import: kept as edited here',
        })
      } else {
        tally.updated++
        groups.push([
          // Conditioned on the version read above: an edit saved meanwhile is never overwritten,
          // and the source's change is then not recorded as imported (the next import sees it).
          rememberImported(
            db,
            { sourceKey: post.key, kind: 'post', slug: input.slug, contentHash },
            sql`EXISTS (SELECT 1 FROM posts WHERE id = ${previous.targetId} AND version = ${current.version})`,
          ),
          ...updatePostStatements(db, previous.targetId, current.version, input, null),
        ])
      }
    } else if (post.sameSlugIsSamePost && taken.has(post.slug)) {
      // This blog's own archive read back into it: the post is already here.
      tally.unchanged++
    } else {
      input.slug = await freeSlug(db, post.slug, taken, claimed)
      claimed.add(input.slug)
      if (input.slug !== post.slug)
        report.changed.push({
          kind: 'post',
          title: post.title,
          reason: `a post here already uses "${post.slug}": imported as "${input.slug}"`,
        })
      tally.created++
      created.push({ input, key: post.key, hash: contentHash, post })
    }
    const address = post.page ? pagePath(input.slug) : postPath(input.slug)
    for (const from of post.oldPaths) redirects.push({ from, to: address })
  }
  if (!options.dryRun) {
    // New posts set-wise, in a few statements whatever their number; changed ones one by one.
    if (created.length)
      await runStatements(db, [
        ...createPostsStatements(
          db,
          created.map((c) => c.input),
          null,
        ),
        ...importedRowsStatements(
          db,
          'post',
          created.map((c) => ({ key: c.key, slug: c.input.slug, hash: c.hash })),
        ),
      ])
    await runBatches(db, groups)
    const withComments = created.flatMap(({ input, post }) =>
      post.comments ? [{ slug: input.slug, comments: post.comments }] : [],
    )
    if (withComments.length) {
      const count = await writeImportedComments(db, withComments)
      report.notes.push(`${count} comment(s) imported with their posts`)
    }
  }
  await writeRedirects(report, options, redirects)
}

/** The slug itself when free, else the first free `slug-N`. */
async function freeSlug(db: Db, slug: string, taken: Map<string, number>, claimed: Set<string>) {
  for (let n = 1; n < 1_000; n++) {
    const candidate = n === 1 ? slug : `${slug.slice(0, 75)}-${n}`
    if (claimed.has(candidate)) continue
    if (!taken.has(candidate) && (n <= 3 || (await postIdsBySlug(db, [candidate])).size === 0))
      return candidate
  }
  throw new Error(`No free slug for ${slug}`)
}
