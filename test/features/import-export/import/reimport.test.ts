import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAuthor } from '../../../../src/features/authors-editors/authors'
import { createPost } from '../../../../src/features/posts/writes'
import { posts } from '../../../../src/db/schema'
import { db, postInput, updatePostAsLoaded } from '../../../fixtures'
import sample from './fixtures/wordpress-export-sample.xml?raw'
import { importText } from './helpers'

const postBySlug = async (slug: string) =>
  (await db.select().from(posts).where(eq(posts.slug, slug)))[0]

const NEW_ITEM = `<item>
    <title><![CDATA[Nouveau : le room service]]></title>
    <link>http://127.0.0.1:8080/room-service/</link>
    <dc:creator><![CDATA[claire]]></dc:creator>
    <guid isPermaLink="false">http://127.0.0.1:8080/?p=90</guid>
    <content:encoded><![CDATA[<p>Le room service revient.</p>]]></content:encoded>
    <wp:post_id>90</wp:post_id>
    <wp:post_date_gmt><![CDATA[2024-01-10 08:00:00]]></wp:post_date_gmt>
    <wp:post_name><![CDATA[room-service]]></wp:post_name>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type>
  </item>`

const newerExport = sample
  .replace(
    'Le petit-déjeuner est le dernier souvenir',
    'Le petit-déjeuner reste le dernier souvenir',
  )
  .replace('<p>Bientôt.</p>', '<p>Bientôt, et même très bientôt.</p>')
  .replace('</channel>', `${NEW_ITEM}</channel>`)

describe('importing a newer export of the same blog', () => {
  let localId: number
  beforeAll(async () => {
    await importText(sample)
    const local = await createAuthor(db, { slug: 'ici', name: 'Écrit ici' })
    // A post written here that holds the slug the new source post wants.
    localId = await createPost(db, postInput({ slug: 'room-service', authorId: local.id }))
    // An imported post edited here since: the newer export must not overwrite the edit.
    const scheduled = await postBySlug('hotel-2030')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await updatePostAsLoaded(
      db,
      scheduled.id,
      {
        ...postInput({ slug: 'hotel-2030', authorId: scheduled.authorId }),
        markdown: 'Réécrit ici.',
      },
      null,
    )
  })

  it('updates changed posts, adds new ones, and never touches posts written here', async () => {
    const localBefore = await db.select().from(posts).where(eq(posts.id, localId))
    const report = await importText(newerExport)
    expect(report.counts.posts).toMatchObject({ created: 1, updated: 1, unchanged: 8 })
    expect((await postBySlug('cafe-a-lhotel')).markdown).toContain('reste le dernier souvenir')
    expect((await postBySlug('hotel-2030')).markdown).toBe('Réécrit ici.')
    expect(report.skipped.some((s) => s.title === 'Programmé : l’hôtel de 2030')).toBe(true)
    expect(await db.select().from(posts).where(eq(posts.id, localId))).toEqual(localBefore)
    const imported = await postBySlug('room-service-2')
    expect(imported.title).toBe('Nouveau : le room service')
    expect(report.changed.map((c) => c.reason)).toContain(
      'a post here already uses "room-service": imported as "room-service-2"',
    )
    const again = await importText(newerExport)
    expect(again.counts.posts).toMatchObject({ created: 0, updated: 0 })
  })
})
