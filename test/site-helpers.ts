import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import worker from '../src/index'
import { formFromSettings, type SettingsFormValues } from '../src/features/settings/schemas'
import { seedSettings } from '../src/features/settings/seed'
import { ORIGIN } from './admin-helpers'

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

/**
 * A request through the Worker, waiting for what it does after answering (cache writes, the
 * audience count). With a form, it is a POST carrying `cookie`; without, a reader's GET.
 */
export async function visit(
  path: string,
  options: { form?: Record<string, string | string[]>; cookie?: string } = {},
) {
  const ctx = createExecutionContext()
  const headers: Record<string, string> = { 'User-Agent': CHROME, 'CF-Connecting-IP': '192.0.2.9' }
  const init: RequestInit = { redirect: 'manual', headers }
  if (options.cookie) headers.Cookie = options.cookie
  if (options.form) {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(options.form))
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    init.method = 'POST'
    init.body = body
    headers.Origin = ORIGIN
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
  }
  const request = new Request(`${ORIGIN}${path}`, init)
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], env, ctx)
  const body = await response.text()
  await waitOnExecutionContext(ctx)
  return { response, body, status: response.status, cache: response.headers.get('X-Page-Cache') }
}

/** The settings form as the page first shows it (the wrangler.toml seed), with `overrides`. */
export function settingsForm(overrides: Partial<SettingsFormValues> = {}): SettingsFormValues {
  return { ...formFromSettings(seedSettings(env), 0), ...overrides }
}
