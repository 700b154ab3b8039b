import { eq } from 'drizzle-orm'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { media, posts } from '../../../../src/db/schema'
import { fetchImages } from '../../../../src/features/import-export/import/images'
import { readExportText } from '../../../../src/features/import-export/import/read'
import { d1RedirectWriter } from '../../../../src/features/import-export/import/redirects'
import type { ImportReport } from '../../../../src/features/import-export/import/report'
import { runImport, surveyExport } from '../../../../src/features/import-export/import/run'
import { db } from '../../../fixtures'
import sample from './fixtures/wordpress-export-sample.xml?raw'

const postBySlug = async (slug: string) =>
  (await db.select().from(posts).where(eq(posts.slug, slug)))[0]

async function importWithImages(text: string) {
  const blog = await readExportText(text)
  const mediaEnv = { db, bucket: env.MEDIA }
  const { imageUrls } = await surveyExport(async () => blog)
  const images = await fetchImages(mediaEnv, imageUrls, { timeoutMs: 3_000 })
  return runImport(db, blog, { dryRun: false, redirects: d1RedirectWriter(db), images, mediaEnv })
}

describe('importing the WordPress sample with its images served over HTTP', () => {
  const server = inject('imageServer')
  // The sample's uploads live on the local server; one more image points at nothing.
  const text = sample
    .replaceAll('http://127.0.0.1:8080', server)
    .replace('<p>Bientôt.</p>', `<p>Bientôt.</p><img src="${server}/gone.png" alt="Perdue">`)
  let report: ImportReport
  beforeAll(async () => {
    report = await importWithImages(text)
  })

  it('stores each image in the media store and rewrites the post to the local address', async () => {
    expect(report.counts.images).toMatchObject({ created: 2, failed: 1 })
    const stored = await db.select().from(media)
    expect(stored).toHaveLength(2)
    for (const item of stored) expect(await env.MEDIA.head(item.key)).not.toBeNull()
    const cafe = await postBySlug('cafe-a-lhotel')
    const cafeImage = stored.find((m) => cafe.markdown.includes(`/media/${m.key}`))!
    expect(cafe.markdown).toContain(
      `<figure>\n<img src="/media/${cafeImage.key}" alt="Une tasse de café sur une nappe bleue">\n<figcaption>Le café, servi à table</figcaption>\n</figure>`,
    )
    expect(cafe.html).toContain(`<img src="/media/${cafeImage.key}"`)
    expect(cafe.markdown).not.toContain(server)
  })

  it('sets featured images from the attachments', async () => {
    const cafe = await postBySlug('cafe-a-lhotel')
    const gdpr = await postBySlug('gdpr-lhospitalite-des-marques-fait-loi-en-europe')
    const [lobby] = await db.select().from(media).where(eq(media.id, gdpr.featuredMediaId!))
    expect(lobby.width).toBeGreaterThan(0)
    expect(cafe.featuredMediaId).not.toBeNull()
    expect(cafe.featuredMediaId).not.toBe(gdpr.featuredMediaId)
  })

  it('keeps an unreachable image as a link and lists it', async () => {
    expect(report.skipped).toContainEqual({
      kind: 'image',
      title: `${server}/gone.png`,
      reason: 'unreachable (HTTP 404); kept as a link',
    })
    expect((await postBySlug('hotel-2030')).markdown).toContain(`[Perdue](${server}/gone.png)`)
  })

  it('stores nothing twice on a second import', async () => {
    const again = await importWithImages(text)
    expect(again.counts.images).toMatchObject({ created: 0, unchanged: 2 })
    expect(again.counts.posts).toMatchObject({ created: 0, updated: 0 })
    expect(await db.select().from(media)).toHaveLength(2)
  })
})
