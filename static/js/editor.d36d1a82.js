// The post editor: saves what is typed a few seconds after the last keystroke, and warns before
// leaving the page with changes the server does not have yet.
;(() => {
  const form = document.querySelector('form.post-form[data-autosave]')
  if (!form) return
  const DELAY_MS = 2000
  let changed = false
  let timer = 0
  let saving = null
  let again = false
  let submitting = false

  function showStatus(text) {
    const status = document.getElementById('autosave-status')
    if (status) status.textContent = text
  }

  // The answer's elements replace the page's elements with the same id (status line, version).
  function apply(html) {
    const template = document.createElement('template')
    template.innerHTML = html
    for (const element of [...template.content.children]) {
      if (!element.id) continue
      const current = document.getElementById(element.id)
      if (current) current.replaceWith(element)
      else if (element.id === 'post-version') form.append(element)
    }
  }

  async function save() {
    if (submitting) return
    if (saving) {
      again = true
      return
    }
    changed = false
    const body = new URLSearchParams(new FormData(form))
    saving = fetch(form.dataset.autosave, { method: 'POST', body, credentials: 'same-origin' })
    try {
      const response = await saving
      if (!response.ok) changed = true
      const url = response.headers.get('Post-Url')
      if (url) {
        form.action = url
        form.dataset.autosave = `${url}/autosave`
        history.replaceState(history.state, '', url)
      }
      apply(await response.text())
    } catch {
      changed = true
      showStatus(form.dataset.offline)
    } finally {
      saving = null
      if (again) {
        again = false
        save()
      }
    }
  }

  function schedule() {
    changed = true
    clearTimeout(timer)
    timer = setTimeout(save, DELAY_MS)
  }

  form.addEventListener('input', schedule)
  form.addEventListener('change', schedule)
  form.addEventListener('submit', () => {
    submitting = true
    clearTimeout(timer)
  })
  addEventListener('beforeunload', (event) => {
    if (!submitting && (changed || saving)) event.preventDefault()
  })
})()
