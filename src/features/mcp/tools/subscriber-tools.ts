import { sendingHistory, stateCounts } from '../../subscriptions'
import { noInput } from '../schemas'
import { defineTool, done, json } from '../tool'

/** The latest mailings shown; /admin/subscribers shows 50. */
const MAILINGS = 10

export const getSubscriberCountsTool = defineTool({
  name: 'get_subscriber_counts',
  title: 'Subscriber counts',
  description: `How many people follow the blog by email, by state, as /admin/subscribers shows: pending (not confirmed yet), confirmed (mailed), unsubscribed, erased. mailings: the ${MAILINGS} latest posts sent by email, with their queued, sent and failed messages. No address is ever given.`,
  scope: 'read',
  editorsOnly: true,
  input: noInput,
  output: json.object({
    counts: json.object({
      pending: json.integer,
      confirmed: json.integer,
      unsubscribed: json.integer,
      erased: json.integer,
    }),
    mailings: json.array(
      json.object({
        postId: json.integer,
        title: json.string,
        queued: json.integer,
        sent: json.integer,
        failed: json.integer,
      }),
    ),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(ctx) {
    const [counts, mailings] = await Promise.all([
      stateCounts(ctx.db),
      sendingHistory(ctx.db, MAILINGS),
    ])
    return done({
      counts,
      mailings: mailings.map((row) => ({
        postId: row.postId,
        title: row.title,
        queued: Number(row.queued),
        sent: Number(row.sent),
        failed: Number(row.failed),
      })),
    })
  },
})
