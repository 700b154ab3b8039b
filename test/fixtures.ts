import { env } from 'cloudflare:workers'
import { createAuthor } from '../src/features/authors-editors/authors'
import { createCategory } from '../src/features/categories/queries'
import { createDb } from '../src/db/client'
import { eq } from 'drizzle-orm'
import { createPost, trashPost, updatePost, type PostInput } from '../src/features/posts/writes'
import { media, posts } from '../src/db/schema'

export const db = createDb(env.DB)

export const HOUR = 3_600_000
export const BASE_TIME = Date.UTC(2024, 0, 15, 9, 0, 0)

export async function createAuthorAndCategories() {
  const author = await createAuthor(db, { slug: 'claire-dubois', name: 'Claire Dubois' })
  const otherAuthor = await createAuthor(db, { slug: 'james-hart', name: 'James Hart' })
  const essays = await createCategory(db, { slug: 'essais', name: 'Essais' })
  const notes = await createCategory(db, { slug: 'notes', name: 'Notes' })
  return { author, otherAuthor, essays, notes }
}

export function postInput(
  overrides: Partial<PostInput> & Pick<PostInput, 'slug' | 'authorId'>,
): PostInput {
  return {
    title: `Post ${overrides.slug}`,
    excerpt: `Excerpt of ${overrides.slug}`,
    markdown: `Body of ${overrides.slug}`,
    html: `<p>Body of ${overrides.slug}</p>`,
    status: 'published',
    language: 'en',
    publishedAt: new Date(BASE_TIME),
    categoryIds: [],
    ...overrides,
  }
}

/**
 * `count` published posts named post-1 … post-N, where post-N is newest. Every third shares its
 * timestamp with the one before it, so cursors must break ties by id.
 */
export async function createPublishedPosts(
  count: number,
  authorId: number,
  categoryIds: number[] = [],
) {
  for (let n = 1; n <= count; n++) {
    const hours = n - Math.floor(n / 3)
    await createPost(
      db,
      postInput({
        slug: `post-${n}`,
        title: `Post ${n}`,
        authorId,
        categoryIds,
        publishedAt: new Date(BASE_TIME + hours * HOUR),
      }),
    )
  }
}

/** Posts readers must never find: `a-draft`, `later` (scheduled an hour ahead) and `trashed`. */
export async function createHiddenPosts(authorId: number, categoryIds: number[]) {
  const hidden = { authorId, categoryIds }
  await createPost(db, postInput({ slug: 'a-draft', status: 'draft', ...hidden }))
  const later = new Date(Date.now() + HOUR)
  await createPost(
    db,
    postInput({ slug: 'later', status: 'scheduled', publishedAt: later, ...hidden }),
  )
  await trashPost(db, await createPost(db, postInput({ slug: 'trashed', ...hidden })))
}

/** Saves over whatever version the post is at now, as an editor who just loaded it would. */
export async function updatePostAsLoaded(
  database: typeof db,
  postId: number,
  input: PostInput,
  savedBy: number | null,
) {
  const [{ version }] = await database
    .select({ version: posts.version })
    .from(posts)
    .where(eq(posts.id, postId))
  const result = await updatePost(database, postId, version, input, savedBy)
  if (!result.saved) throw new Error(`post ${postId} changed while saving`)
  return result
}

/** A media library row for a 1 × 1 PNG uploaded by `createdBy` (no bytes in R2: for rights tests). */
export async function insertImageRow(createdBy: number, hash: string) {
  const [row] = await db
    .insert(media)
    .values({
      key: `${hash}.png`,
      hash,
      contentType: 'image/png',
      bytes: 10,
      width: 1,
      height: 1,
      createdBy,
    })
    .returning()
  return row
}
