import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { users } from '../../../src/db/schema'
import { db } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'

let owner: string
let ownerId: number

beforeAll(async () => {
  ownerId = (await createEditor('owner@blog.example', 'owner')).id
  owner = await logIn('owner@blog.example')
})

describe('managing editors', () => {
  it('adds an editor with a generated password, shown once, that works', async () => {
    const response = await request('/admin/users', {
      cookie: owner,
      form: { email: 'Nina@Blog.example', name: 'Nina', role: 'editor', password: '' },
    })
    expect(response.status).toBe(200)
    const html = await response.text()
    const password = /shown only this once: ([A-Za-z0-9]{20})/.exec(html)?.[1]
    expect(password).toBeDefined()
    const [nina] = await db.select().from(users).where(eq(users.email, 'nina@blog.example'))
    expect(nina.passwordHash).not.toContain(password!)
    await logIn('nina@blog.example', password!)
  })

  it('keeps what was typed when the form is rejected', async () => {
    const response = await request('/admin/users', {
      cookie: owner,
      form: { email: 'not-an-email', name: 'Zoé Lefèvre', role: 'editor', password: 'short' },
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Enter a valid email address.')
    expect(html).toContain('Use at least 12 characters.')
    expect(html).toContain('value="Zoé Lefèvre"')
    expect(html).toContain('value="not-an-email"')
  })

  it('refuses a second editor with the same email', async () => {
    const response = await request('/admin/users', {
      cookie: owner,
      form: { email: 'nina@blog.example', name: 'Other', role: 'editor' },
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('An editor already uses this email.')
  })

  it('disables, enables and removes an editor', async () => {
    const sam = await createEditor('sam@blog.example')
    await request(`/admin/users/${sam.id}/disable`, { cookie: owner, form: {} })
    expect((await db.select().from(users).where(eq(users.id, sam.id)))[0].disabledAt).not.toBeNull()
    await request(`/admin/users/${sam.id}/enable`, { cookie: owner, form: {} })
    expect((await db.select().from(users).where(eq(users.id, sam.id)))[0].disabledAt).toBeNull()
    await logIn('sam@blog.example')
    await request(`/admin/users/${sam.id}/delete`, { cookie: owner, form: {} })
    expect(await db.select().from(users).where(eq(users.id, sam.id))).toHaveLength(0)
  })

  it('never lets the owner remove or disable themself', async () => {
    expect(
      (await request(`/admin/users/${ownerId}/delete`, { cookie: owner, form: {} })).status,
    ).toBe(404)
    expect(
      (await request(`/admin/users/${ownerId}/disable`, { cookie: owner, form: {} })).status,
    ).toBe(404)
  })

  it('lets an editor change their own password, checking the current one', async () => {
    await createEditor('writer@blog.example')
    const cookie = await logIn('writer@blog.example')
    const wrong = await request('/admin/account/password', {
      cookie,
      form: {
        currentPassword: 'not it at all',
        newPassword: 'new passphrase 123',
        repeatPassword: 'new passphrase 123',
      },
    })
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('The current password is not right.')
    const differ = await request('/admin/account/password', {
      cookie,
      form: {
        currentPassword: 'x',
        newPassword: 'new passphrase 123',
        repeatPassword: 'new passphrase 124',
      },
    })
    expect(await differ.text()).toContain('The two new passwords differ.')
  })
})
