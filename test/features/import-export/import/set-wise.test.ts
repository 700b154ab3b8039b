import { env } from 'cloudflare:workers'
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../../../src/db/client'
import { createPost } from '../../../../src/features/posts/writes'
import { posts } from '../../../../src/db/schema'
import {
  planPosts,
  planSite,
  postsSurveyor,
} from '../../../../src/features/import-export/import/map'
import { readExportText } from '../../../../src/features/import-export/import/read'
import { d1RedirectWriter } from '../../../../src/features/import-export/import/redirects'
import { emptyReport } from '../../../../src/features/import-export/import/report'
import {
  writeAuthorsAndCategories,
  writePosts,
} from '../../../../src/features/import-export/import/write'
import { createAuthorAndCategories, db, postInput } from '../../../fixtures'
import { writtenPosts } from '../../../post-rows'
import { generatedWxr } from '../../../support/generated-wxr'
import sample from './fixtures/wordpress-export-sample.xml?raw'

/** The D1 binding, counting the statements prepared (each one a round trip) and the batches. */
function countingD1() {
  const count = { statements: 0, batches: 0 }
  const d1 = new Proxy(env.DB, {
    get(target, name) {
      if (name === 'prepare')
        return (query: string) => {
          count.statements++
          return target.prepare(query)
        }
      if (name === 'batch')
        return (statements: D1PreparedStatement[]) => {
          count.batches++
          return target.batch(statements)
        }
      const value = Reflect.get(target, name)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { db: createDb(d1), count }
}

/** Plans an export and writes its authors and categories; `write` then writes its posts. */
async function planned(text: string) {
  const report = emptyReport('wordpress', false)
  const blog = await readExportText(text)
  const survey = postsSurveyor()
  survey.add(blog.posts)
  const plan = {
    ...planSite(blog, survey.result(), report),
    posts: planPosts(blog.posts, blog, report),
  }
  const options = { dryRun: false, redirects: d1RedirectWriter(db) }
  const resolved = await writeAuthorsAndCategories(db, plan, report, options)
  const write = (target: Db, slice: typeof plan.posts) =>
    writePosts(target, slice, resolved, report, {
      ...options,
      redirects: d1RedirectWriter(target),
    })
  return { plan, report, write }
}

const postCount = async () => (await db.select({ n: count() }).from(posts))[0].n

describe('writing a slice of new posts', () => {
  it('takes as many D1 statements and batches for 120 posts as for 3', async () => {
    const used = async (firstId: number, n: number) => {
      const { plan, write } = await planned([...generatedWxr({ posts: n, firstId })].join(''))
      const counting = countingD1()
      await write(counting.db, plan.posts)
      return counting.count
    }
    const few = await used(1, 3)
    const many = await used(1_000, 120)
    expect(await postCount()).toBe(123)
    expect(many).toEqual(few)
    expect(few.batches).toBeLessThanOrEqual(3)
  })

  it('writes each post as a slice of one would, and a second import writes nothing', async () => {
    const importSample = async (sliceSize: number) => {
      await env.DB.batch(
        ['imported_items', 'posts', 'categories', 'authors', 'redirects'].map((table) =>
          env.DB.prepare(`DELETE FROM ${table}`),
        ),
      )
      // A post written here holds a slug the export wants: the import takes the next one.
      const { author } = await createAuthorAndCategories()
      await createPost(db, postInput({ slug: 'hotel-2030', authorId: author.id }))
      const { plan, report, write } = await planned(sample)
      for (let i = 0; i < plan.posts.length; i += sliceSize)
        await write(db, plan.posts.slice(i, i + sliceSize))
      return { written: await writtenPosts(), report }
    }
    const oneByOne = await importSample(1)
    expect(oneByOne.written.posts.map((p) => p.slug)).toContain('hotel-2030-2')
    // Nine posts and three pages.
    expect(oneByOne.written.imported).toHaveLength(12)
    expect(oneByOne.written.links.length).toBeGreaterThan(9)
    const together = await importSample(100)
    expect(together.written).toEqual(oneByOne.written)
    expect(together.report).toEqual(oneByOne.report)

    const { plan, report, write } = await planned(sample)
    const counting = countingD1()
    await write(counting.db, plan.posts)
    expect(report.counts.posts).toMatchObject({ created: 0, updated: 0, unchanged: 9 })
    expect(report.counts.pages).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
    expect(counting.count.batches).toBe(0)
    expect(await writtenPosts()).toEqual(together.written)
  })
})
