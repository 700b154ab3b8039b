import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import worker from '../src/index'
import { testRequest, type TestRequestInit } from './admin-helpers'

/**
 * Requests handed straight to the Worker's `fetch` handler, all under one execution context: for
 * files that send thousands of requests from one isolate. The pinned test pool wraps its
 * entrypoint's prototype in one more Proxy on every call through `exports.default`
 * (workers-sdk#15092, fixed in a later release), so each such call is slower than the last and,
 * near 2,000 calls, overflows the stack before the Worker runs.
 */
const context = createExecutionContext()

export function requestHandler(path: string, init: TestRequestInit = {}) {
  return worker.fetch(testRequest(path, init), env, context)
}

/** Waits for what the handler left running through `waitUntil`. */
export const settleHandlerWork = () => waitOnExecutionContext(context)
