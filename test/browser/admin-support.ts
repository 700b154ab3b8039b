import type { BrowserContext, Page } from 'playwright-core'
import { createDb } from '../../src/db/client'
import { createUser } from '../../src/features/auth/users'
import { hashPassword } from '../../src/features/auth/password'
import type { LocalWorker } from '../support/local-worker'

export const PEPPER = 'browser-test-pepper'
export const EDITOR = { email: 'claire@blog.example', password: 'a long enough test password' }

/** Adds the owner account browser tests log in with. */
export async function addOwner(worker: LocalWorker) {
  const db = createDb((await worker.miniflare.getD1Database('DB')) as unknown as D1Database)
  await createUser(db, {
    email: EDITOR.email,
    name: 'Claire',
    role: 'owner',
    passwordHash: await hashPassword(EDITOR.password, PEPPER),
  })
}

/** Logs the context in through the login form, as a person would. */
export async function logIn(context: BrowserContext, url: string) {
  const page = await context.newPage()
  await logInOn(page, url, EDITOR)
  await page.close()
}

/** Signs in on `page` with the login form, which leaves it on the post list. */
export async function logInOn(
  page: Page,
  url: string,
  account: { email: string; password: string },
) {
  await page.goto(`${url}/admin`)
  await page.fill('input[name=email]', account.email)
  await page.fill('input[name=password]', account.password)
  await Promise.all([page.waitForURL(/\/admin\/posts/), page.click('button[type=submit]')])
}
