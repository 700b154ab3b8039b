import {
  abortAllDurableObjects,
  createExecutionContext,
  createScheduledController,
  runDurableObjectAlarm,
  runInDurableObject,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../../src/index'
import { dailySeries, topKeys, type CountedView } from '../../../src/features/audience/queries'
import { flushShard } from '../../../src/features/audience/shard-flush'
import { shardCount, shardOf } from '../../../src/features/audience/shard-settings'
import { flushAudience, senderFor, shardStub } from '../../../src/features/audience/shards'
import { recordUnrecorded } from '../../../src/features/audience/unrecorded'
import { ViewSender, type ViewSenderOptions } from '../../../src/features/audience/view-sender'
import { dayOf, visitorHash } from '../../../src/features/audience/visitor'
import { db } from '../../fixtures'
import { shardContents } from './shard-helpers'

const SHARDS = shardCount(env.ANALYTICS_SHARDS)
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

/** One isolate of one data centre: its own batches, sent to the shards every few milliseconds. */
function isolate(options: Partial<ViewSenderOptions> = {}) {
  return new ViewSender({
    shards: SHARDS,
    send: (shard, batch) => shardStub(env, shard).record(batch),
    giveUp: (viewsByDay, error) => recordUnrecorded(env.DB, viewsByDay, error),
    windowMs: 5,
    ...options,
  })
}

/** Visitor `n` of the simulation: the hash every data centre computes for them that day. */
const hashOf = (n: number) => visitorHash('salt-of-the-day', `198.51.100.${n}`, CHROME, 'b.example')

function readerView(day: string, visitor: number, page = '/posts/viral'): CountedView {
  return {
    day,
    visitorHash: hashOf(visitor),
    counts: [
      { metric: 'page', key: page },
      { metric: 'device', key: 'desktop' },
    ],
  }
}

/** A day's views and unique visitors as the dashboard reads them from D1. */
async function figures(day: string) {
  const row = (await dailySeries(db, day, day)).get(day)
  return { views: row?.views ?? 0, uniques: row?.visitors ?? 0 }
}

async function counted(day: string) {
  await flushAudience(env)
  return figures(day)
}

/** A D1 whose batch fails: before anything is written, or after (the answer is lost). */
function failingD1(when: 'before' | 'after'): D1Database {
  return {
    prepare: (query: string) => env.DB.prepare(query),
    batch: async (statements: D1PreparedStatement[]) => {
      if (when === 'before') throw new Error('D1 unreachable')
      await env.DB.batch(statements)
      throw new Error('connection lost before the answer')
    },
  } as unknown as D1Database
}

describe('exact counts across data centres', () => {
  it(
    'counts 2,000 views from 500 visitors sent through 60 isolates of 20 data centres as 2,000 and 500',
    { timeout: 60_000 },
    async () => {
      const day = '2031-01-01'
      const isolates = Array.from({ length: 60 }, () => isolate())
      // Each visitor comes four times, from isolates picked at random: most of them from several
      // data centres.
      const views = Array.from({ length: 2000 }, (_, i) => readerView(day, i % 500))
      await Promise.all(
        views.map((view) => isolates[Math.floor(Math.random() * isolates.length)].record(view)),
      )
      expect(await counted(day)).toEqual({ views: 2000, uniques: 500 })
      const devices = await topKeys(db, 'device', day, day)
      expect(devices).toEqual([{ key: 'desktop', count: 2000 }])
    },
  )

  it('counts a visitor seen in two data centres the same day once, and again the next day', async () => {
    const [paris, tokyo] = [isolate(), isolate()]
    await Promise.all([
      paris.record(readerView('2031-01-02', 7)),
      tokyo.record(readerView('2031-01-02', 7)),
    ])
    await tokyo.record(readerView('2031-01-02', 8))
    await paris.record(readerView('2031-01-03', 7))
    expect(await counted('2031-01-02')).toEqual({ views: 3, uniques: 2 })
    expect(await counted('2031-01-03')).toEqual({ views: 1, uniques: 1 })
  })

  it('counts a batch that reached its shard twice once', async () => {
    const day = '2031-01-04'
    const batch = {
      id: crypto.randomUUID(),
      counts: [[day, 'page', '/posts/viral', 3]] as [string, 'page', string, number][],
      visitors: [[day, hashOf(1)]] as [string, string][],
    }
    const stub = shardStub(env, shardOf(hashOf(1), SHARDS))
    await stub.record(batch)
    await stub.record(batch)
    expect(await counted(day)).toEqual({ views: 3, uniques: 1 })
  })

  it(
    'writes D1 a bounded number of statements: two per shard that has something, whatever the traffic',
    { timeout: 60_000 },
    async () => {
      const day = '2031-01-05'
      const send = async (views: number, visitors: number) => {
        const isolates = Array.from({ length: 10 }, () => isolate())
        await Promise.all(
          Array.from({ length: views }, (_, i) =>
            isolates[i % 10].record(readerView(day, i % visitors, `/posts/p-${i % 40}`)),
          ),
        )
        return (await flushAudience(env)).filter((flush) => flush.seq !== null)
      }
      const quiet = await send(SHARDS * 3, SHARDS * 3)
      const busy = await send(3000, 900)
      for (const flush of [...quiet, ...busy]) expect(flush.statements).toBe(2)
      expect(busy.length).toBeLessThanOrEqual(SHARDS)
      expect(await figures(day)).toEqual({ views: SHARDS * 3 + 3000, uniques: 900 })
    },
  )
})

describe('a flush to D1', () => {
  it('that is interrupted and retried does not count twice, even after the shard restarts', async () => {
    const day = '2031-02-01'
    const sender = isolate()
    await Promise.all([1, 2, 3].map(() => sender.record(readerView(day, 1))))
    const shard = () => shardStub(env, shardOf(hashOf(1), SHARDS))

    // D1 applied the flush, but the shard never heard back.
    const interrupted = await runInDurableObject(shard(), async (_instance, state) => {
      await expect(
        flushShard(state.storage, state.id.toString(), failingD1('after')),
      ).rejects.toThrow('connection lost')
      return state.storage.sql.exec<{ seq: number }>('SELECT seq FROM outbox').one().seq
    })
    expect(await figures(day)).toEqual({ views: 3, uniques: 1 })
    await abortAllDurableObjects()
    expect((await shard().flush()).seq).toBe(interrupted)
    expect(await figures(day)).toEqual({ views: 3, uniques: 1 })

    // D1 could not be reached at all: nothing is lost either.
    await sender.record(readerView(day, 2))
    const second = shardStub(env, shardOf(hashOf(2), SHARDS))
    await runInDurableObject(second, async (_instance, state) => {
      await expect(
        flushShard(state.storage, state.id.toString(), failingD1('before')),
      ).rejects.toThrow('D1 unreachable')
    })
    expect(await figures(day)).toEqual({ views: 3, uniques: 1 })
    expect(await counted(day)).toEqual({ views: 4, uniques: 2 })
    expect(await counted(day)).toEqual({ views: 4, uniques: 2 })
  })

  it('keeps a flushed batch’s id for two minutes, so a late retry is still recognised, then forgets it', async () => {
    const sender = isolate()
    await sender.record(readerView('2031-02-06', 4))
    const stub = shardStub(env, shardOf(hashOf(4), SHARDS))
    const received = () =>
      runInDurableObject(stub, async (_shard, state) => {
        await flushShard(state.storage, state.id.toString(), env.DB, Date.now() + 150_000)
        return state.storage.sql.exec('SELECT id FROM received').toArray().length
      })
    await stub.flush()
    expect(
      await runInDurableObject(
        stub,
        (_shard, state) => state.storage.sql.exec('SELECT id FROM received').toArray().length,
      ),
    ).toBeGreaterThan(0)
    expect(await received()).toBe(0)
    expect(await figures('2031-02-06')).toEqual({ views: 1, uniques: 1 })
  })

  it('puts views in the right days when the day turns during the flush, or within a batch', async () => {
    const [evening, morning] = ['2031-02-02', '2031-02-03']
    const sender = isolate()
    await sender.record(readerView(evening, 1))
    const stub = shardStub(env, shardOf(hashOf(1), SHARDS))
    await runInDurableObject(stub, async (instance, state) => {
      // Midnight's first views reach the shard while its flush is on its way to D1.
      const slowD1 = {
        prepare: (query: string) => env.DB.prepare(query),
        batch: async (statements: D1PreparedStatement[]) => {
          await instance.record({
            id: crypto.randomUUID(),
            counts: [[morning, 'page', '/posts/viral', 1]],
            visitors: [[morning, hashOf(1)]],
          })
          return env.DB.batch(statements)
        },
      } as unknown as D1Database
      await flushShard(state.storage, state.id.toString(), slowD1)
    })
    expect(await figures(evening)).toEqual({ views: 1, uniques: 1 })
    expect(await figures(morning)).toEqual({ views: 0, uniques: 0 })
    expect(await counted(morning)).toEqual({ views: 1, uniques: 1 })

    // One isolate's batch that straddles midnight.
    await Promise.all([
      sender.record(readerView(evening, 2)),
      sender.record(readerView(morning, 2)),
    ])
    expect(await counted(evening)).toEqual({ views: 2, uniques: 2 })
    expect(await counted(morning)).toEqual({ views: 2, uniques: 2 })
  })

  it('keeps a closed day’s unique visitors, and adds late views of it without counting a visitor twice', async () => {
    const [closing, next] = ['2020-02-04', '2020-02-05']
    const sender = isolate()
    await sender.record(readerView(closing, 1))
    const stub = shardStub(env, shardOf(hashOf(1), SHARDS))
    expect(await stub.close(next)).toBe(1)
    await sender.record(readerView(closing, 1))
    expect(await counted(closing)).toEqual({ views: 2, uniques: 1 })
    const stored = (await shardContents(env)).flatMap((shard) => shard.visitors)
    expect(stored.filter((row) => row.day === closing)).toEqual([])
  })
})

describe('the shard’s alarm', () => {
  it('flushes to D1 on its own, and forgets visitor hashes two days old even without housekeeping', async () => {
    const sender = isolate()
    await Promise.all([
      sender.record(readerView('2031-04-01', 3)),
      sender.record(readerView('2020-05-01', 3)),
    ])
    const stub = shardStub(env, shardOf(hashOf(3), SHARDS))
    expect(await figures('2031-04-01')).toEqual({ views: 0, uniques: 0 })
    expect(await runDurableObjectAlarm(stub)).toBe(true)
    expect(await figures('2031-04-01')).toEqual({ views: 1, uniques: 1 })
    expect(await figures('2020-05-01')).toEqual({ views: 1, uniques: 1 })
    const days = await runInDurableObject(stub, (_shard, state) =>
      state.storage.sql
        .exec<{ day: string }>('SELECT DISTINCT day FROM visitors')
        .toArray()
        .map((row) => row.day),
    )
    expect(days).toContain('2031-04-01')
    expect(days).not.toContain('2020-05-01')
  })
})

describe('a shard that cannot be reached', () => {
  it('gets its views again, until it stores them, and counts them once', async () => {
    const day = '2031-03-01'
    let failures = 3
    let lostAnswers = 1
    const sender = isolate({
      send: async (shard, batch) => {
        if (failures-- > 0) throw new Error('Durable Object unreachable')
        await shardStub(env, shard).record(batch)
        if (lostAnswers-- > 0) throw new Error('connection lost before the answer')
      },
    })
    await Promise.all(Array.from({ length: 10 }, (_, i) => sender.record(readerView(day, i))))
    expect(sender.pendingViews).toBe(0)
    expect(await counted(day)).toEqual({ views: 10, uniques: 10 })
  })

  it('reports the views it gave up on as not recorded, for the owner to see', async () => {
    const day = dayOf(Date.now(), env.SITE_TIMEZONE)
    const sender = isolate({
      send: async () => {
        throw new Error('Durable Object unreachable')
      },
      giveUpAfterMs: 250,
    })
    await Promise.all([1, 2, 3].map((n) => sender.record(readerView(day, n))))
    expect(sender.pendingViews).toBe(0)
    expect(await topKeys(db, 'unrecorded', day, day)).toEqual([{ key: '', count: 3 }])
  })
})

describe('what the Worker hands to the shards', () => {
  async function visit(headers: Record<string, string>) {
    const ctx = createExecutionContext()
    const request = new Request('https://blog.example/privacy', {
      headers: { 'User-Agent': CHROME, 'CF-Connecting-IP': '192.0.2.50', ...headers },
    })
    const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], env, ctx)
    const html = await response.text()
    await waitOnExecutionContext(ctx)
    return { response, html }
  }
  const requestsSent = () => senderFor(env).requests.reduce((sum, n) => sum + n, 0)
  const hashesStored = async () =>
    (await shardContents(env)).reduce((sum, shard) => sum + shard.visitors.length, 0)

  it('sends nothing for a reader with Global Privacy Control or Do Not Track', async () => {
    const before = requestsSent()
    await visit({ 'Sec-GPC': '1' })
    await visit({ DNT: '1' })
    expect(requestsSent()).toBe(before)
    await visit({})
    expect(requestsSent()).toBe(before + 1)
  })

  it('sends a bot as a bot, with no visitor to count', async () => {
    const hashes = await hashesStored()
    await visit({ 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' })
    await flushAudience(env)
    expect(await hashesStored()).toBe(hashes)
    const today = dayOf(Date.now(), env.SITE_TIMEZONE)
    expect(await topKeys(db, 'bot', today, today)).toEqual([{ key: '', count: 1 }])
  })

  it('sets no cookie and leaves nothing in the reader’s browser storage', async () => {
    const { response, html } = await visit({})
    expect(response.headers.get('Set-Cookie')).toBeNull()
    // No script of its own on the page, and scripts only from this site.
    expect(html).not.toMatch(/<script(?![^>]*(?:src=|type="application\/ld\+json"))[^>]*>/)
    const sources = [...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map(([, src]) => src)
    expect(sources.length).toBeGreaterThan(0)
    for (const src of sources) expect(src).toMatch(/^\/[^/]/)
  })
})

describe('the hourly housekeeping', () => {
  it('makes every shard forget the visitor hashes of past days, keeping today’s', async () => {
    const today = dayOf(Date.now(), env.SITE_TIMEZONE)
    const sender = isolate()
    await Promise.all([
      sender.record(readerView('2020-06-01', 1)),
      sender.record(readerView(today, 1)),
    ])
    const days = async () =>
      new Set((await shardContents(env)).flatMap((shard) => shard.visitors.map((row) => row.day)))
    expect(await days()).toContain('2020-06-01')

    const ctx = createExecutionContext()
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: '7 * * * *' }),
      { ...env, ANALYTICS_RETENTION_MONTHS: '25' },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    const left = await days()
    expect([...left].every((day) => day >= today)).toBe(true)
    expect(left).toContain(today)
  })
})

describe('ANALYTICS_SHARDS', () => {
  it('is 16 by default, at least 1 and at most 50', () => {
    expect(shardCount(undefined)).toBe(16)
    expect(shardCount('4')).toBe(4)
    expect(shardCount('0')).toBe(16)
    expect(shardCount('500')).toBe(50)
    expect(shardCount('many')).toBe(16)
  })

  it('spreads visitors evenly, each always to the same shard', () => {
    const perShard = Array(8).fill(0)
    for (let n = 0; n < 8000; n++) perShard[shardOf(hashOf(n), 8)]++
    for (const count of perShard) expect(Math.abs(count - 1000)).toBeLessThan(150)
    expect(shardOf(hashOf(42), 8)).toBe(shardOf(hashOf(42), 8))
  })
})
