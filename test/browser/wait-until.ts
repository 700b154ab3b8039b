/**
 * Asks `check` again and again until it answers something truthy, and returns that; fails with
 * `what` once `timeout` ms have passed. For conditions outside the page (a D1 row, a server
 * counter) that Playwright's own waits cannot watch: a wait on a condition, never a fixed pause.
 */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T> | T,
  { timeout = 5_000, interval = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeout
  for (;;) {
    const result = await check()
    if (result) return result
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}
