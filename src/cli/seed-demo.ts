import { count } from 'drizzle-orm'
import { createAuthor } from '../features/authors-editors'
import { createCategory } from '../features/categories'
import type { Db } from '../db/client'
import { storeMedia } from '../features/media'
import { showPageInNavigation } from '../features/navigation'
import { createPost } from '../features/posts'
import { posts } from '../db/schema'
import { messagesFor } from '../i18n/site'
import { excerptFromMarkdown, renderMarkdown } from '../lib/markdown'
import {
  demoAuthors,
  demoCategories,
  demoFeaturedImages,
  demoPages,
  demoPosts,
} from './demo-content'
import { drawDemoImage } from './demo-images'

const DAY = 86_400_000
const HOUR = 3_600_000

/** The demo's drawings, stored as uploads are: their media ids, by post slug. */
async function storeDemoImages(db: Db, bucket: R2Bucket) {
  const featured = new Map<string, { mediaId: number; alt: string }>()
  for (const [slug, { scene, alt }] of Object.entries(demoFeaturedImages)) {
    const stored = await storeMedia(
      { db, bucket },
      { bytes: drawDemoImage(scene), createdBy: null, alt },
    )
    if (!stored.ok) throw new Error(`The demo image "${scene}" was refused: ${stored.message}`)
    featured.set(slug, { mediaId: stored.media.id, alt })
  }
  return featured
}

/**
 * Fills an empty blog with the demo content and returns how many posts it added: posts and notes,
 * an "À propos" page linked from the header, and, given the media bucket, featured images drawn
 * on the spot. A blog that already has posts is left exactly as it is, so running it again never
 * duplicates or overwrites.
 */
export async function seedDemoContent(
  db: Db,
  now = Date.now(),
  bucket?: R2Bucket,
): Promise<number> {
  const [{ existing }] = await db.select({ existing: count() }).from(posts)
  if (existing > 0) return 0

  const authorIds = new Map<string, number>()
  for (const author of demoAuthors) authorIds.set(author.slug, (await createAuthor(db, author)).id)
  const categoryIds = new Map<string, number>()
  for (const category of demoCategories) {
    categoryIds.set(category.slug, (await createCategory(db, category)).id)
  }
  const featured = bucket ? await storeDemoImages(db, bucket) : new Map()

  const startOfHour = Math.floor(now / HOUR) * HOUR
  for (const post of demoPosts) {
    const image = featured.get(post.slug)
    await createPost(db, {
      slug: post.slug,
      title: post.title,
      language: post.language,
      markdown: post.markdown,
      html: renderMarkdown(post.markdown, post.language),
      excerpt: post.excerpt ?? excerptFromMarkdown(post.markdown),
      status: post.status ?? 'published',
      publishedAt: post.status === 'draft' ? null : new Date(startOfHour - post.daysAgo * DAY),
      authorId: authorIds.get(post.author)!,
      categoryIds: post.categories.map((slug) => categoryIds.get(slug)!),
      ...(image && { featuredMediaId: image.mediaId, featuredImageAlt: image.alt }),
    })
  }

  const [firstAuthor] = authorIds.values()
  for (const page of demoPages) {
    const id = await createPost(db, {
      kind: 'page',
      slug: page.slug,
      title: page.title,
      language: page.language,
      markdown: page.markdown,
      html: renderMarkdown(page.markdown, page.language),
      excerpt: excerptFromMarkdown(page.markdown),
      status: 'published',
      publishedAt: new Date(startOfHour - 30 * DAY),
      authorId: firstAuthor,
      categoryIds: [],
    })
    if (page.inNavigation) await showPageInNavigation(db, messagesFor('en'), { id, ...page }, true)
  }
  return demoPosts.length
}
