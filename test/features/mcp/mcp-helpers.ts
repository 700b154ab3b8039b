import { exports } from 'cloudflare:workers'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker'
import type { AccessScope } from '../../../src/db/schema'
import { createAccessToken } from '../../../src/features/auth/access-tokens'
import { db } from '../../fixtures'

/**
 * The Worker addressed as localhost: the test setting that lets the safe fetcher read the fixture
 * pages applies to local requests only, as under `npm start`.
 */
export const LOCAL = 'http://localhost'

/** Requests the SDK's client sends, delivered to the Worker's entrypoint as the runtime would. */
export const toWorker = (url: string | URL, init?: RequestInit) =>
  exports.default.fetch(new Request(url, init))

/** The SDK's own client over Streamable HTTP, with this bearer token. */
export async function connect(token: string, origin = LOCAL) {
  const transport = new StreamableHTTPClientTransport(new URL(`${origin}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
    fetch: toWorker,
  })
  const client = new Client(
    { name: 'edge-blog-tests', version: '1.0.0' },
    // Ajv, the client's default, compiles schemas with `new Function`, which workerd refuses.
    { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
  )
  await client.connect(transport)
  return client
}

export async function tokenFor(userId: number, scope: AccessScope, days = 30) {
  return (await createAccessToken(db, { userId, name: `${scope} token`, scope, days })).token
}

type ToolResult = Awaited<ReturnType<Client['callTool']>>

/** The structured content of a successful call; fails the test with the tool's error otherwise. */
export function structured<T = Record<string, unknown>>(result: ToolResult): T {
  if (result.isError) throw new Error(`tool error: ${errorText(result)}`)
  return result.structuredContent as T
}

export function errorText(result: ToolResult): string {
  const content = result.content as { type: string; text?: string }[]
  return content.map((item) => item.text ?? '').join(' ')
}
