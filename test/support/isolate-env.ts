import { env } from 'cloudflare:workers'

const envs = new Map<string, Env>()

/**
 * One env object per set of bindings, as a deployed isolate gets one for all its requests: what
 * the Worker keeps by its env (the settings an isolate read, app/site-context.ts) lasts from one
 * request to the next, as it does deployed. `DB` is the one this request is to use (a counting
 * one, say), put in before each request.
 */
export function isolateEnv(DB: D1Database, bindings: Partial<Env> = {}): Env {
  const key = JSON.stringify(bindings)
  const kept = envs.get(key) ?? { ...env, ...bindings }
  envs.set(key, kept)
  kept.DB = DB
  return kept
}
