/**
 * Authors and contributors sign only as themselves, so every way of making one gives them an
 * author profile of their own; the owner and editors get none (a profile is a public page).
 */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { authors, posts, users } from '../../../src/db/schema'
import { setUserRole, withOwnAuthorProfile } from '../../../src/features/auth'
import { createEditor } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import { connect, errorText, tokenFor } from '../mcp/mcp-helpers'

beforeAll(async () => {
  await createAuthorAndCategories()
})

const profileOf = async (userId: number) => {
  const [user] = await db.select().from(users).where(eq(users.id, userId))
  if (!user.authorId) return null
  const [profile] = await db.select().from(authors).where(eq(authors.id, user.authorId))
  return profile
}

describe('an author profile of one’s own', () => {
  it('comes with a new author or contributor account, not with an editor’s', async () => {
    const author = await createEditor('maya@blog.example', 'author')
    expect(await profileOf(author.id)).toMatchObject({ name: 'maya', slug: 'maya' })
    const contributor = await createEditor('maya@other.example', 'contributor')
    expect(await profileOf(contributor.id)).toMatchObject({ name: 'maya', slug: 'maya-2' })
    const editor = await createEditor('eliott@blog.example', 'editor')
    expect(await profileOf(editor.id)).toBeNull()
  })

  it('is made when an editor becomes a contributor, and kept through later changes', async () => {
    const { id } = await createEditor('noor@blog.example', 'editor')
    await setUserRole(db, id, 'contributor')
    const [user] = await db.select().from(users).where(eq(users.id, id))
    expect(user.role).toBe('contributor')
    const profile = await profileOf(id)
    expect(profile).toMatchObject({ name: 'noor', slug: 'noor' })
    await setUserRole(db, id, 'author')
    expect((await profileOf(id))!.id).toBe(profile!.id)
    expect(await db.select().from(authors).where(eq(authors.name, 'noor'))).toHaveLength(1)
  })

  it('takes another slug when someone else took its slug between the choice and the save', async () => {
    let attempts = 0
    const slug = await withOwnAuthorProfile(db, 'Raced Name', true, async (profile) => {
      attempts++
      // The first time, another profile gets the same slug just before this one is saved.
      if (attempts === 1) await db.insert(authors).values({ name: 'Other', slug: profile!.slug })
      await db.insert(authors).values(profile!)
      return profile!.slug
    })
    expect(attempts).toBe(2)
    expect(slug).toMatch(/^raced-name-[0-9a-f]{8}$/)
  })

  it('cuts a long name between characters, never inside one', async () => {
    const name = '𠀀'.repeat(70)
    const { id } = await createEditor('long@blog.example', 'author')
    await db.update(users).set({ name }).where(eq(users.id, id))
    await db.update(users).set({ authorId: null }).where(eq(users.id, id))
    await setUserRole(db, id, 'contributor')
    const profile = await profileOf(id)
    // 30 of them: 60 UTF-16 units, as the slug's limit counts.
    expect(profile!.slug).toBe('𠀀'.repeat(30))
  })
})

describe('an agent acting for an author without a profile', () => {
  it('is told why nothing was saved', async () => {
    const { id } = await createEditor('agent-writer@blog.example', 'author')
    await db.update(users).set({ authorId: null }).where(eq(users.id, id))
    const client = await connect(await tokenFor(id, 'write_drafts'))
    const result = await client.callTool({
      name: 'create_post',
      arguments: { title: 'Signed by no one', markdown: 'Text.' },
    })
    expect(errorText(result)).toContain('no author profile to sign with')
    expect(await db.select().from(posts).where(eq(posts.title, 'Signed by no one'))).toHaveLength(0)
    // A note too, told before any page is read (this address could not be).
    const note = await client.callTool({
      name: 'create_note',
      arguments: { url: 'https://unreachable.example/article' },
    })
    expect(errorText(note)).toContain('no author profile to sign with')
  })
})
