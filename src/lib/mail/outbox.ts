import { desc, eq, lt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { mailOutbox } from '../../db/schema'

export type OutboxEntry = { id: number; recipient: string; subject: string; createdAt: Date }

export async function keepInOutbox(
  db: Db,
  entry: { recipient: string; subject: string; raw: string; at: Date },
) {
  await db.insert(mailOutbox).values({
    recipient: entry.recipient,
    subject: entry.subject,
    raw: entry.raw,
    createdAt: entry.at,
  })
}

/** Newest first, a page at a time: `before` is the last id of the page shown. */
export async function listOutbox(
  db: Db,
  before: number | null,
  limit = 50,
): Promise<OutboxEntry[]> {
  return db
    .select({
      id: mailOutbox.id,
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .where(before === null ? undefined : lt(mailOutbox.id, before))
    .orderBy(desc(mailOutbox.id))
    .limit(limit)
}

/** The raw message, as sent. */
export async function outboxMessage(db: Db, id: number): Promise<string | null> {
  const [row] = await db
    .select({ raw: mailOutbox.raw })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id))
    .limit(1)
  return row?.raw ?? null
}
