// Passkeys, with SimpleWebAuthn's browser script (simplewebauthn-browser.js, loaded before this):
// adding one on /admin/account, signing in with one on the login page, and offering passkeys in
// the email field's autofill where the browser supports conditional mediation.
// Served from this origin (CSP script-src 'self'); without it the password form still works.
;(() => {
  const webauthn = window.SimpleWebAuthnBrowser
  if (!webauthn || window.passkeysStarted) return
  // Both pages load the pair once per section; one run is enough.
  window.passkeysStarted = true
  const status = document.getElementById('passkey-status')

  function say(message) {
    if (status) {
      status.textContent = message
      status.setAttribute('role', 'alert')
    }
  }

  async function postJson(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: body === undefined ? '{}' : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(String(response.status))
    return response.json()
  }

  const add = document.getElementById('passkey-add')
  if (add) {
    add.addEventListener('submit', async (event) => {
      event.preventDefault()
      if (!webauthn.browserSupportsWebAuthn()) return say(add.dataset.unsupported)
      try {
        const optionsJSON = await postJson(add.dataset.options)
        const response = await webauthn.startRegistration({ optionsJSON })
        await postJson(add.dataset.action, { name: add.elements.passkeyName.value, response })
        window.location.assign('/admin/account?passkey=added')
      } catch {
        say(add.dataset.refused)
      }
    })
  }

  const signIn = document.getElementById('passkey-sign-in')
  if (signIn) {
    const finish = async (useBrowserAutofill) => {
      const optionsJSON = await postJson(signIn.dataset.options)
      const response = await webauthn.startAuthentication({ optionsJSON, useBrowserAutofill })
      const { location } = await postJson(signIn.dataset.action, {
        next: signIn.dataset.next,
        response,
      })
      window.location.assign(location)
    }
    signIn.querySelector('button').addEventListener('click', async () => {
      if (!webauthn.browserSupportsWebAuthn()) return say(signIn.dataset.unsupported)
      try {
        // Starting a new ceremony cancels the pending autofill one.
        await finish(false)
      } catch {
        say(signIn.dataset.refused)
      }
    })
    webauthn.browserSupportsWebAuthnAutofill().then((supported) => {
      if (!supported || !document.querySelector('input[autocomplete~="webauthn"]')) return
      finish(true).catch(() => {
        // Cancelled by the button, or refused: the button and the password form remain.
      })
    })
  }
})()
