import { createDb, type Db } from '../../db/client'
import { createMailer } from '../../lib/mail'
import { eq } from 'drizzle-orm'
import { siteSettings } from '../../db/schema'
import {
  CLAIM_SIZE,
  claimDeliveries,
  fanOut,
  findMailing,
  hasWaiting,
  sentToday,
  STALE_CLAIM_MS,
  MAX_ATTEMPTS,
  recipientsOf,
  settleDeliveries,
} from './deliveries'
import * as v from 'valibot'
import { delaySecondsUntil, mailJob, type MailJob } from './jobs'
import { readMailingSettings } from './mailing-settings'
import { postMail } from './post-message'

/** Claims a `send` job works through before handing the rest to a new job (bounded memory). */
const CLAIMS_PER_JOB = 4
const PER_JOB = CLAIMS_PER_JOB * CLAIM_SIZE
/** Jobs sending one post at the same time, at most. */
const PARALLEL_SENDERS = 4

type Queue = Pick<Env, 'MAIL_QUEUE'>

/**
 * The site's name and public address as the owner set them (the settings row; until its first
 * save, wrangler.toml's seed). Read here, not through the settings feature, which reads posts.
 */
async function siteIdentity(db: Db, env: Env) {
  const [row] = await db
    .select({ name: siteSettings.name, publicUrl: siteSettings.publicUrl })
    .from(siteSettings)
    .where(eq(siteSettings.id, 1))
    .limit(1)
  return row ?? { name: env.SITE_NAME ?? '', publicUrl: env.SITE_URL ?? '' }
}

/** `live`: once the post is public, hands it to the subscribers; before, waits in the queue. */
async function live(env: Queue, db: Db, postId: number, now: number) {
  const mailing = await findMailing(db, postId)
  if (!mailing || !mailing.wanted || mailing.fannedOutAt) return
  if (mailing.status === 'draft' || mailing.deletedAt || !mailing.publishedAt) return
  if (mailing.kind === 'page') return
  const at = mailing.publishedAt.getTime()
  if (at > now) {
    // Not yet (a scheduled post, or one moved later): wait again until its time.
    await env.MAIL_QUEUE.send(
      { kind: 'live', postId },
      { delaySeconds: delaySecondsUntil(at, now) },
    )
    return
  }
  const messages = await fanOut(db, postId, now)
  if (messages === null) return
  // A long list is sent by a few jobs side by side: each claims its own rows (claimDeliveries).
  const senders = Math.min(PARALLEL_SENDERS, Math.max(1, Math.ceil(messages / PER_JOB)))
  for (let i = 0; i < senders; i++) await env.MAIL_QUEUE.send({ kind: 'send', postId })
}

/** `send`: the post's next messages, each to one subscriber, recorded as it goes. */
async function send(env: Env, db: Db, postId: number, now: number) {
  const mailing = await findMailing(db, postId)
  if (!mailing?.fannedOutAt) return
  const [settings, site] = await Promise.all([readMailingSettings(db), siteIdentity(db, env)])
  const siteUrl = mailing.siteUrl || site.publicUrl
  const mailer = createMailer({
    settings: { EMAIL: env.EMAIL, MAIL_FROM: env.MAIL_FROM, SITE_NAME: site.name },
    db,
    siteUrl,
    local: mailing.local,
  })
  const message = postMail(mailing, { siteUrl, siteName: site.name, fullPost: settings.fullPost })
  let retrying = false
  let claimedAny = false
  for (let round = 0; round < CLAIMS_PER_JOB; round++) {
    const claimed = await claimDeliveries(db, postId, settings.dailyCap, now)
    if (claimed.length === 0) break
    claimedAny = true
    const recipients = new Map(
      (
        await recipientsOf(
          db,
          claimed.flatMap((row) => row.subscriber_id ?? []),
        )
      ).map((r) => [r.id, r]),
    )
    const outcome = {
      sent: [] as number[],
      skipped: [] as number[],
      retry: [] as number[],
      failed: [] as number[],
    }
    for (const row of claimed) {
      const recipient = row.subscriber_id === null ? undefined : recipients.get(row.subscriber_id)
      // Unsubscribed (or erased) since the post was handed out: nothing is sent.
      if (!recipient || recipient.state !== 'confirmed') {
        outcome.skipped.push(row.id)
        continue
      }
      let ok = false
      try {
        const sent = await mailer.sendMail(
          message.forRecipient(recipient.email, `${siteUrl}/unsubscribe/${recipient.token}`),
        )
        ok = sent.delivered || sent.kept
      } catch (error) {
        console.error(`Mail to subscriber ${recipient.id} failed:`, error)
      }
      if (ok) outcome.sent.push(row.id)
      else if (row.attempts < MAX_ATTEMPTS) outcome.retry.push(row.id)
      else outcome.failed.push(row.id)
    }
    await settleDeliveries(db, outcome, now)
    // After a failure, the rest waits for the backoff below rather than hammering on.
    if (outcome.retry.length) {
      retrying = true
      break
    }
    if (claimed.length < CLAIM_SIZE) break
  }
  if (!(await hasWaiting(db, postId))) return
  // More to send: a new job at once; after failures, after a backoff; once the day's cap is
  // reached, at the start of the next day (UTC). Nothing left to claim but rows being sent: other
  // jobs are on them, or one stopped mid-way, whose rows can be claimed again once stale.
  const capped = (await sentToday(db, now)) >= settings.dailyCap
  const delaySeconds = capped
    ? delaySecondsUntil(now - (now % 86_400_000) + 86_400_000, now)
    : retrying
      ? RETRY_DELAY_S
      : claimedAny
        ? 0
        : STALE_CLAIM_MS / 1000
  await env.MAIL_QUEUE.send({ kind: 'send', postId }, { delaySeconds })
}

const RETRY_DELAY_S = 60

/**
 * The Worker's `queue` handler. Each job is acknowledged when done; one that throws (D1 or the
 * queue unavailable) is retried by the queue with a growing delay, and finds in D1 where it was.
 */
export async function handleMailQueue(
  batch: MessageBatch<unknown>,
  env: Env,
  _ctx?: ExecutionContext,
) {
  const db = createDb(env.DB)
  // The batch's jobs run side by side (each is its own post's, or its own claims of one post).
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = v.safeParse(mailJob, message.body)
      if (!parsed.success) {
        console.error('Mail queue: a message that is no job was dropped.')
        message.ack()
        return
      }
      const job: MailJob = parsed.output
      try {
        const now = Date.now()
        if (job.kind === 'live') await live(env, db, job.postId, now)
        else if (job.kind === 'send') await send(env, db, job.postId, now)
        message.ack()
      } catch (error) {
        console.error(`Mail job ${job.kind} for post ${job.postId} failed:`, error)
        message.retry({ delaySeconds: Math.min(3600, 30 * 2 ** message.attempts) })
      }
    }),
  )
}
