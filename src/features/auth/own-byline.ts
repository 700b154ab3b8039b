import { inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isUniqueViolation } from '../../db/constraint-errors'
import { authors, type UserRole } from '../../db/schema'
import { slugify } from '../../lib/slug'

/**
 * Authors and contributors sign only as themselves, so each has an author profile of their own,
 * made with their account (or when they are given such a role). The owner and editors sign as
 * any author and get none unless the owner links one: a profile is a public author page.
 */
export const signsAsThemselves = (role: UserRole) => role === 'author' || role === 'contributor'

export type NewAuthorProfile = { name: string; slug: string }

/** Candidates tried in one query: the name's slug, then `-2` … `-10`. */
const SUFFIXES = 10
/** In UTF-16 units, as the authors' slug limit counts: well within it once suffixed. */
const BASE_LENGTH = 60

/** The slug a profile for `name` starts from, cut between characters, never inside one. */
export function authorSlugBase(name: string): string {
  let base = ''
  for (const character of slugify(name)) {
    if (base.length + character.length > BASE_LENGTH) break
    base += character
  }
  return base.replace(/-+$/, '') || 'author'
}

const randomSuffix = () => crypto.randomUUID().slice(0, 8)

/** A profile under the person's name, at a slug no author has yet. */
export async function newAuthorProfile(db: Db, name: string): Promise<NewAuthorProfile> {
  const base = authorSlugBase(name)
  const candidates = [base, ...Array.from({ length: SUFFIXES - 1 }, (_, i) => `${base}-${i + 2}`)]
  const taken = new Set(
    (
      await db.select({ slug: authors.slug }).from(authors).where(inArray(authors.slug, candidates))
    ).map((row) => row.slug),
  )
  const slug = candidates.find((candidate) => !taken.has(candidate)) ?? `${base}-${randomSuffix()}`
  return { name, slug }
}

/** The new profile's id, inside the batch that inserts it. */
export const profileId = (profile: NewAuthorProfile) =>
  sql`(SELECT ${authors.id} FROM ${authors} WHERE ${authors.slug} = ${profile.slug})`

/**
 * Runs `write` (a batch that inserts the profile and links it) with a new profile when `wanted`.
 * Another author may take the same slug between the choice and the batch: the batch then fails as
 * a whole, and is run once more under a slug with a random suffix.
 */
export async function withOwnAuthorProfile<T>(
  db: Db,
  name: string,
  wanted: boolean,
  write: (profile: NewAuthorProfile | null) => Promise<T>,
): Promise<T> {
  if (!wanted) return write(null)
  const profile = await newAuthorProfile(db, name)
  try {
    return await write(profile)
  } catch (error) {
    if (!isUniqueViolation(error, 'authors.slug')) throw error
    return write({ name, slug: `${profile.slug}-${randomSuffix()}` })
  }
}
