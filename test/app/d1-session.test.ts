import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../src/index'
import { createEditor, logIn, ORIGIN } from '../admin-helpers'
import { createAuthorAndCategories, createPublishedPosts } from '../fixtures'

/** The test database, noting where each request's D1 session starts. */
function watchedDb() {
  const starts: string[] = []
  const bookmarks: (string | null)[] = []
  const d1 = {
    prepare: (query: string) => env.DB.prepare(query),
    batch: (statements: D1PreparedStatement[]) => env.DB.batch(statements),
    withSession(start: string) {
      starts.push(start)
      const session = env.DB.withSession(start)
      return {
        prepare: (query: string) => session.prepare(query),
        batch: (statements: D1PreparedStatement[]) => session.batch(statements),
        getBookmark() {
          const bookmark = session.getBookmark()
          bookmarks.push(bookmark)
          return bookmark
        },
      }
    },
  }
  return { bindings: { ...env, DB: d1 as unknown as D1Database }, starts, bookmarks }
}

const bookmarkCookie = (response: Response) =>
  /__Host-d1-bookmark=([^;]+)/.exec(response.headers.get('Set-Cookie') ?? '')?.[1] ?? null

let editorCookie: string

beforeAll(async () => {
  const { author } = await createAuthorAndCategories()
  await createPublishedPosts(3, author.id)
  await createEditor('replica-editor@blog.example')
  editorCookie = await logIn('replica-editor@blog.example')
})

describe('D1 read replication', () => {
  it('runs a reader’s queries in a session that any nearby replica may answer', async () => {
    const { bindings, starts } = watchedDb()
    const response = await app.request(`${ORIGIN}/posts/post-2`, {}, bindings)
    expect(response.status).toBe(200)
    expect(starts).toEqual(['first-unconstrained'])
    expect(response.headers.get('Set-Cookie')).toBeNull()
  })

  it('starts an editor from the primary and hands back the bookmark reached', async () => {
    const { bindings, starts, bookmarks } = watchedDb()
    const response = await app.request(
      `${ORIGIN}/admin/posts`,
      { headers: { Cookie: editorCookie } },
      bindings,
    )
    expect(response.status).toBe(200)
    expect(starts).toEqual(['first-primary'])
    const bookmark = bookmarkCookie(response)
    expect(bookmark).toBeTruthy()
    expect(decodeURIComponent(bookmark!)).toBe(bookmarks.at(-1))
    expect(response.headers.get('Set-Cookie')).toContain('HttpOnly')
  })

  it('starts an editor’s next request from their bookmark, pages included', async () => {
    const first = await app.request(
      `${ORIGIN}/admin/posts`,
      { headers: { Cookie: editorCookie } },
      env,
    )
    const bookmark = bookmarkCookie(first)!
    const cookie = `${editorCookie}; __Host-d1-bookmark=${bookmark}`
    for (const path of ['/admin/posts', '/posts/post-1']) {
      const { bindings, starts } = watchedDb()
      const response = await app.request(
        `${ORIGIN}${path}`,
        { headers: { Cookie: cookie } },
        bindings,
      )
      expect(response.status).toBe(200)
      expect(starts).toEqual([decodeURIComponent(bookmark)])
    }
  })
})
