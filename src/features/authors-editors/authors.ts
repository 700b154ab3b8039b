import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { authors } from '../../db/schema'

export async function findAuthorBySlug(db: Db, slug: string) {
  const [author] = await db.select().from(authors).where(eq(authors.slug, slug)).limit(1)
  return author ?? null
}

export async function createAuthor(db: Db, input: { slug: string; name: string; bio?: string }) {
  const [author] = await db.insert(authors).values(input).returning()
  return author
}
