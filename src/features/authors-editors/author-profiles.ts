import { and, asc, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { authors, users } from '../../db/schema'

/** Every author with the editor account that writes as them, if any. */
export async function listAuthorProfiles(db: Db) {
  const [profiles, editors] = await db.batch([
    db.select().from(authors).orderBy(asc(authors.name)),
    db
      .select({ id: users.id, name: users.name, authorId: users.authorId })
      .from(users)
      .orderBy(asc(users.name)),
  ])
  return {
    editors,
    authors: profiles.map((author) => ({
      ...author,
      userId: editors.find((editor) => editor.authorId === author.id)?.id ?? null,
    })),
  }
}

export async function isAuthorSlugTaken(db: Db, slug: string, exceptId: number | null) {
  const [row] = await db.select({ id: authors.id }).from(authors).where(eq(authors.slug, slug))
  return row !== undefined && row.id !== exceptId
}

type AuthorFields = { name: string; slug: string; bio: string }

/**
 * Creates (id null) or updates an author and makes `userId` the one editor writing as them, in one
 * batch. The author row's id is looked up by slug so the link can be written in the same batch.
 */
export async function saveAuthorProfile(
  db: Db,
  id: number | null,
  fields: AuthorFields,
  userId: number | null,
) {
  const write = id
    ? db
        .update(authors)
        .set({ ...fields, updatedAt: new Date() })
        .where(eq(authors.id, id))
    : db.insert(authors).values(fields)
  const authorId = sql`(SELECT id FROM authors WHERE slug = ${fields.slug})`
  await db.batch([
    write,
    db
      .update(users)
      .set({ authorId: null })
      .where(and(eq(users.authorId, authorId), userId ? ne(users.id, userId) : undefined)),
    ...(userId ? [db.update(users).set({ authorId }).where(eq(users.id, userId))] : []),
  ])
}
