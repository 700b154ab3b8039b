import * as v from 'valibot'
import type { Db } from '../../db/client'
import type { Site } from '../../types'
import type { AccessScope, Agent } from '../auth'

/** What a tool runs with: the request's database session, bindings and site, and who calls. */
export type ToolContext = {
  db: Db
  env: Env
  site: Site
  agent: Agent
  request: Request
  /** Set by the first write: readers' pages are then refreshed before the answer goes. */
  wrote: boolean
}

/** A tool's answer: data (structured content and its JSON text) or a message the agent can act on. */
export type ToolOutcome =
  { ok: true; data: Record<string, unknown> } | { ok: false; message: string }

export type ToolAnnotations = {
  readOnlyHint?: boolean
  destructiveHint?: boolean
  idempotentHint?: boolean
  openWorldHint?: boolean
}

export type Tool<S extends v.GenericSchema = v.GenericSchema> = {
  name: string
  title: string
  description: string
  /** The narrowest scope that may call it; writes may need more, by the post they touch. */
  scope: AccessScope
  /**
   * For the owner and editors only, whatever the scope: the tools that stand for an admin page
   * only they may open (/admin/comments, /admin/subscribers).
   */
  editorsOnly?: boolean
  input: S
  /** JSON Schema of `data`, published as the tool's outputSchema. */
  output: Record<string, unknown>
  annotations: ToolAnnotations
  run: (ctx: ToolContext, args: v.InferOutput<S>) => Promise<ToolOutcome>
}

/** Typed by its input schema; the list of tools forgets the type. */
export function defineTool<S extends v.GenericSchema>(tool: Tool<S>): Tool {
  return tool as unknown as Tool
}

export const done = (data: Record<string, unknown>): ToolOutcome => ({ ok: true, data })
export const refuse = (message: string): ToolOutcome => ({ ok: false, message })

/** An author or contributor whose profile was unlinked signs as no one, agents included. */
export const NO_BYLINE =
  'Nothing was saved: this account has no author profile to sign with. The owner links one on /admin/authors.'

/** JSON Schema helpers for the outputs (plain objects: what the SDK's client validates against). */
export const json = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  nullableString: { type: ['string', 'null'] },
  nullableInteger: { type: ['integer', 'null'] },
  array: (items: Record<string, unknown>) => ({ type: 'array', items }),
  object: (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
    type: 'object',
    properties,
    required,
  }),
}
