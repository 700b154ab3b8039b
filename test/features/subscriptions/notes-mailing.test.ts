import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { mailDeliveries, postMailings } from '../../../src/db/schema'
import {
  DEFAULT_MAILING_SETTINGS,
  saveMailingSettings,
} from '../../../src/features/subscriptions/mailing-settings'
import { createEditor, logIn } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import { LOCAL_ORIGIN } from '../../mail-helpers'
import { noteForm } from '../../note-helpers'
import { confirmedSubscriber, localPost, mailsTo, until } from './helpers'

let owner: string
let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createEditor('notes-owner@blog.example', 'owner')
  owner = await logIn('notes-owner@blog.example')
})

const saveNote = (fields: Record<string, string | string[]>) =>
  localPost('/admin/notes', noteForm(ids, fields), { Cookie: owner, Origin: LOCAL_ORIGIN })

async function notePage(path: string) {
  const { exports } = await import('cloudflare:workers')
  const response = await exports.default.fetch(`${LOCAL_ORIGIN}${path}`, {
    headers: { Cookie: owner },
  })
  return response.text()
}

/** The **Email to subscribers** checkbox as the page shows it. */
const mailingBox = (html: string) => /<input[^>]*name="emailSubscribers"[^>]*>/.exec(html)?.[0]

const noteIdFrom = (response: Response) =>
  Number(/\/admin\/notes\/(\d+)/.exec(response.headers.get('Location') ?? '')?.[1])

describe('the note form’s Email to subscribers box', { timeout: 30_000 }, () => {
  it('is on the blank note form, unticked: notes are not emailed by default', async () => {
    const box = mailingBox(await notePage('/admin/notes'))
    expect(box).toBeDefined()
    expect(box).not.toContain('checked')
  })

  it('sends a published note to subscribers when ticked, and shows the counts', async () => {
    const reader = await confirmedSubscriber('note-reader@readers.example')
    const response = await saveNote({
      title: 'Une note envoyée par courriel',
      emailSubscribers: 'on',
      emailSubscribersShown: '1',
    })
    expect(response.status).toBe(303)
    const noteId = noteIdFrom(response)
    await until(
      'the note sent',
      async () =>
        (
          await db
            .select({ n: sql<number>`count(*)` })
            .from(mailDeliveries)
            .where(sql`${mailDeliveries.postId} = ${noteId} AND ${mailDeliveries.status} = 'sent'`)
        )[0].n,
      (n) => n === 1,
    )
    expect(await mailsTo(reader.email, 'note envoyée')).toHaveLength(1)
    const page = await notePage(`/admin/notes/${noteId}`)
    expect(page).toContain('Email: 0 queued, 1 sent, 0 failed.')
  })

  it('follows the setting on a blank form, and an unticked box overrides it', async () => {
    await saveMailingSettings(db, { ...DEFAULT_MAILING_SETTINGS, emailNotes: true })
    try {
      expect(mailingBox(await notePage('/admin/notes'))).toContain('checked')
      const response = await saveNote({
        title: 'Une note gardée pour le site',
        emailSubscribers: '',
        emailSubscribersShown: '1',
      })
      const noteId = noteIdFrom(response)
      const [mailing] = await db.select().from(postMailings).where(eq(postMailings.postId, noteId))
      expect(mailing.wanted).toBe(false)
      expect(mailing.fannedOutAt).toBeNull()
    } finally {
      await saveMailingSettings(db, DEFAULT_MAILING_SETTINGS)
    }
  })

  it('comes back ticked on a form that was refused', async () => {
    const response = await saveNote({
      title: '',
      emailSubscribers: 'on',
      emailSubscribersShown: '1',
    })
    expect(response.status).toBe(422)
    expect(mailingBox(await response.text())).toContain('checked')
  })
})
