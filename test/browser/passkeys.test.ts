/**
 * Passkeys in Chromium, with a virtual authenticator (DevTools protocol WebAuthn domain: resident
 * keys, user verification): added on /admin/account, then, logged out, used to sign in on the
 * login page. The Worker runs without nodejs_compat, as deployed, at http://localhost:<port> with
 * SITE_URL empty, so the relying party is the request's own host.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { logInAsEditor, useWorkerWithEditor } from './editor-fixture'

const session = useWorkerWithEditor()

describe('passkeys in Chromium', () => {
  it('adds a passkey on the account page, logs out, and signs in with it', async () => {
    const context = await session.browser.newContext()
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    })

    await page.goto(`${session.worker.url}/admin/account`)
    await logInAsEditor(page, /\/admin\/account$/)
    await page.fill('input[name=passkeyName]', 'Test laptop')
    await Promise.all([
      page.waitForURL(/\/admin\/account\?passkey=added$/),
      page.getByRole('button', { name: 'Add a passkey', exact: true }).click(),
    ])
    assert.match((await page.textContent('.passkeys')) ?? '', /Test laptop.*Last used\s*never/s)
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    assert.equal(credentials.length, 1)
    assert.equal(credentials[0].isResidentCredential, true)
    assert.equal(credentials[0].rpId, 'localhost')

    // Chromium's virtual authenticator answers the email field's autofill request at once, as a
    // person picking the passkey there would: signed out, the login page signs in by itself.
    await page.getByRole('button', { name: /^Log out/ }).click()
    await page.waitForURL(/\/admin\/posts$/)
    await page.goto(`${session.worker.url}/admin/account`)
    assert.match((await page.textContent('.passkeys')) ?? '', /Test laptop/)
    assert.doesNotMatch((await page.textContent('.passkeys')) ?? '', /Last used\s*never/)

    // A browser without passkey autofill: the button signs in.
    await page.addInitScript(() => {
      PublicKeyCredential.isConditionalMediationAvailable = async () => false
    })
    await page.getByRole('button', { name: /^Log out/ }).click()
    await page.waitForURL(/\/admin$/)
    await Promise.all([
      page.waitForURL(/\/admin\/posts$/),
      page.getByRole('button', { name: 'Sign in with a passkey', exact: true }).click(),
    ])
    await page.goto(`${session.worker.url}/admin/audit`)
    const methods = await page
      .locator('tr[data-event=sign_in] td[data-label=Detail]')
      .allTextContents()
    assert.equal(methods.filter((method) => method === 'passkey').length, 2)
    await context.close()
  })
})
