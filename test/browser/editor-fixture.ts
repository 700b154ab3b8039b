import type { Page } from 'playwright-core'
import { createDb } from '../../src/db/client'
import { createUser } from '../../src/features/auth/users'
import { hashPassword } from '../../src/features/auth/password'
import { useWorkerAndBrowser } from './chromium'

const PEPPER = 'browser-test-pepper'
export const EDITOR_EMAIL = 'claire@blog.example'
export const EDITOR_PASSWORD = 'a long enough test password'
const EMAIL = EDITOR_EMAIL
const PASSWORD = EDITOR_PASSWORD

/**
 * A Worker with the demo content and one owner, Claire, and a Chromium for one test file;
 * `vars` adds Worker settings.
 */
export function useWorkerWithEditor(vars: Record<string, string> = {}) {
  return useWorkerAndBrowser(
    { demoContent: true, vars: { AUTH_PEPPER: PEPPER, ...vars } },
    async (worker) => {
      const db = createDb((await worker.miniflare.getD1Database('DB')) as unknown as D1Database)
      await createUser(db, {
        email: EMAIL,
        name: 'Claire',
        role: 'owner',
        passwordHash: await hashPassword(PASSWORD, PEPPER),
      })
    },
  )
}

/** Fills the login form the admin sent `page` to, and waits to be back on `returnPath`. */
export async function logInAsEditor(page: Page, returnPath: RegExp) {
  await page.fill('input[name=email]', EMAIL)
  await page.fill('input[name=password]', PASSWORD)
  await Promise.all([page.waitForURL(returnPath), page.click('button[type=submit]')])
}
