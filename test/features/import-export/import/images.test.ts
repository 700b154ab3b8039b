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

const server = inject('imageServer')
const mediaEnv = { db, bucket: env.MEDIA }
/** The local image server is on 127.0.0.1: named as an old site on this network would be. */
const allowedHosts = [new URL(server).host]

async function importWithImages(text: string) {
  const blog = await readExportText(text)
  const { imageUrls } = await surveyExport(async () => blog)
  const images = await fetchImages(mediaEnv, imageUrls, { timeoutMs: 3_000, allowedHosts })
  return runImport(db, blog, { dryRun: false, redirects: d1RedirectWriter(db), images, mediaEnv })
}

describe('importing the WordPress sample with its images served over HTTP', () => {
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

/** The paths under `/<tag>/` the image server was asked for. */
async function requestedUnder(tag: string) {
  const paths = (await (await fetch(`${server}/requests`)).json()) as string[]
  return paths.filter((path) => path.startsWith(`/${tag}/`))
}

describe('the image fetcher refuses local addresses before requesting them', () => {
  const port = new URL(server).port
  const mediaCount = async () => (await db.select().from(media)).length

  it.each([
    [
      'loopback',
      (tag: string) => `http://127.0.0.1:${port}/${tag}/cafe.png`,
      'refused: a private, loopback or link-local address',
    ],
    [
      'localhost',
      (tag: string) => `http://localhost:${port}/${tag}/cafe.png`,
      'refused: a local or internal name',
    ],
    [
      'IPv4-mapped IPv6 loopback',
      (tag: string) => `http://[::ffff:127.0.0.1]:${port}/${tag}/cafe.png`,
      'refused: a private, loopback or link-local address',
    ],
  ])('%s', async (_, address, reason) => {
    const tag = crypto.randomUUID()
    const before = await mediaCount()
    const images = await fetchImages(mediaEnv, [address(tag)], { timeoutMs: 3_000 })
    expect(images.failed).toEqual([{ url: address(tag), reason }])
    expect(images.local.size).toBe(0)
    expect(await requestedUnder(tag)).toEqual([])
    expect(await mediaCount()).toBe(before)
  })

  it('a redirect from an allowed host to loopback', async () => {
    const tag = crypto.randomUUID()
    const address = `${server}/redirect?to=${encodeURIComponent(`http://localhost:${port}/${tag}/cafe.png`)}`
    const images = await fetchImages(mediaEnv, [address], { timeoutMs: 3_000, allowedHosts })
    expect(images.failed).toEqual([{ url: address, reason: 'refused: a local or internal name' }])
    expect(await requestedUnder(tag)).toEqual([])
  })

  it('the cloud metadata address', async () => {
    const address = 'http://169.254.169.254/latest/meta-data/iam/avatar.png'
    const images = await fetchImages(mediaEnv, [address], { timeoutMs: 1_000 })
    expect(images.failed).toEqual([
      { url: address, reason: 'refused: a private, loopback or link-local address' },
    ])
  })

  it('downloads from an allowed host, images only', async () => {
    const tag = crypto.randomUUID()
    const image = `${server}/${tag}/lobby.png`
    const page = `${server}/${tag}/as-html/cafe.png`
    const images = await fetchImages(mediaEnv, [image, page], { timeoutMs: 3_000, allowedHosts })
    expect(images.local.get(image)).toMatch(/^\/media\//)
    expect(images.failed).toEqual([{ url: page, reason: 'not an image' }])
    expect((await requestedUnder(tag)).sort()).toEqual([
      `/${tag}/as-html/cafe.png`,
      `/${tag}/lobby.png`,
    ])
  })

  it('requests nothing in a dry run, and still reports what it would refuse', async () => {
    const tag = crypto.randomUUID()
    const allowed = `${server}/${tag}/cafe.png`
    const refused = `http://localhost:${port}/${tag}/lobby.png`
    const before = await mediaCount()
    const images = await fetchImages(mediaEnv, [allowed, refused], { dryRun: true, allowedHosts })
    expect([...images.local]).toEqual([[allowed, allowed]])
    expect(images.failed).toEqual([{ url: refused, reason: 'refused: a local or internal name' }])
    expect(await requestedUnder(tag)).toEqual([])
    expect(await mediaCount()).toBe(before)
  })
})
