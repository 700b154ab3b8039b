import { beforeAll, describe, expect, it } from 'vitest'
import { readContentState } from '../../../../src/features/page-cache/content-version'
import { posts } from '../../../../src/db/schema'
import { db } from '../../../fixtures'
import sample from './fixtures/wordpress-export-sample.xml?raw'
import { importText } from './helpers'

const contentVersion = async () => (await readContentState(db, Date.now())).version

describe('an import and the page cache', () => {
  let before: number

  beforeAll(async () => {
    before = await contentVersion()
  })

  it('a dry run writes nothing readers see, so cached pages stay valid', async () => {
    await importText(sample, { dryRun: true })
    expect(await contentVersion()).toBe(before)
  })

  it('an import makes cached pages stale and fills the search text of every post', async () => {
    await importText(sample)
    expect(await contentVersion()).toBeGreaterThan(before)
    const imported = await db.select().from(posts)
    expect(imported.length).toBeGreaterThan(0)
    for (const post of imported) if (post.html) expect(post.searchText, post.slug).not.toBe('')
  })
})
