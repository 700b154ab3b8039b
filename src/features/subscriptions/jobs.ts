import * as v from 'valibot'

/**
 * What travels through the mail queue (wrangler.toml, MAIL_QUEUE): `live` asks whether a post has
 * gone public (and hands it to the subscribers once it has), `send` sends the next batch of its
 * messages. Ids only: the rows in D1 say what is still to do.
 */
export type MailJob = { kind: 'live'; postId: number } | { kind: 'send'; postId: number }

/** Queues delay a message by at most 12 hours; a later time is reached in several hops. */
export const MAX_QUEUE_DELAY_S = 12 * 3600

export const delaySecondsUntil = (at: number, now: number) =>
  Math.min(MAX_QUEUE_DELAY_S, Math.max(0, Math.ceil((at - now) / 1000)))

const postId = v.pipe(v.number(), v.integer(), v.minValue(1))

/** A job as read back from the queue: anything else is dropped. */
export const mailJob = v.variant('kind', [
  v.object({ kind: v.literal('live'), postId }),
  v.object({ kind: v.literal('send'), postId }),
])
