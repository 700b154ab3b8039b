import { inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { authors } from '../../db/schema'
import { slugify } from '../../lib/slug'

/** Candidates tried in one query: the name's slug, then `-2` … `-10`. */
const SUFFIXES = 10

/**
 * The author profile a new member of the team writes as: their name, under a slug no author has
 * yet. Without one, an author or a contributor would have no byline of their own to sign with.
 */
export async function newAuthorProfile(db: Db, name: string) {
  const base = slugify(name).slice(0, 60).replace(/-+$/, '') || 'author'
  const candidates = [base, ...Array.from({ length: SUFFIXES - 1 }, (_, i) => `${base}-${i + 2}`)]
  const taken = new Set(
    (
      await db.select({ slug: authors.slug }).from(authors).where(inArray(authors.slug, candidates))
    ).map((row) => row.slug),
  )
  const slug =
    candidates.find((candidate) => !taken.has(candidate)) ??
    `${base}-${crypto.randomUUID().slice(0, 8)}`
  return { name, slug }
}
