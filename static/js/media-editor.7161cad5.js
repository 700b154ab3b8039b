// The post editor's image tools: upload by file picker, drop or paste, with a progress bar; ask
// for the alt text; insert `![alt](/media/…)` at the cursor; choose the featured image.
// Served from this origin (CSP script-src 'self'); the page works without it.
;(() => {
  const box = document.querySelector('.image-upload')
  const textarea = document.getElementById('markdown')
  if (!box || !textarea) return

  const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']
  const maxBytes = Number(box.dataset.maxBytes)
  const progress = document.getElementById('image-progress')
  const status = document.getElementById('image-status')
  const dialog = document.getElementById('image-alt-dialog')
  const altInput = document.getElementById('image-alt-input')
  const decorative = document.getElementById('image-alt-decorative')
  const altPreview = document.getElementById('image-alt-preview')

  function say(message, isError) {
    status.textContent = message
    status.setAttribute('role', isError ? 'alert' : 'status')
    status.classList.toggle('field-error', Boolean(isError))
  }

  /** Sends one file to /admin/media and resolves with the stored image (JSON). */
  function upload(file) {
    return new Promise((resolve, reject) => {
      if (file.size > maxBytes) return reject(new Error(box.dataset.messageTooLarge))
      if (file.type && !ACCEPTED.includes(file.type)) {
        return reject(new Error(box.dataset.messageType))
      }
      const body = new FormData()
      body.append('file', file)
      const request = new XMLHttpRequest()
      request.open('POST', '/admin/media')
      request.setRequestHeader('Accept', 'application/json')
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100)
      })
      request.addEventListener('load', () => {
        let answer = null
        try {
          answer = JSON.parse(request.responseText)
        } catch {}
        if (request.status < 300 && answer && answer.ok) resolve(answer)
        else if (request.status === 413) reject(new Error(box.dataset.messageTooLarge))
        else reject(new Error((answer && answer.message) || box.dataset.messageFailed))
      })
      request.addEventListener('error', () => reject(new Error(box.dataset.messageFailed)))
      progress.hidden = false
      progress.value = 0
      say(box.dataset.messageUploading, false)
      request.send(body)
    })
  }

  /** Opens the alt text dialog; resolves with the markdown to insert, or null if cancelled. */
  function askAlt(image) {
    return new Promise((resolve) => {
      altInput.value = image.alt || ''
      decorative.checked = false
      altInput.disabled = false
      altPreview.src = image.url
      altPreview.width = image.width
      altPreview.height = image.height
      dialog.returnValue = ''
      dialog.addEventListener(
        'close',
        () => {
          if (dialog.returnValue !== 'insert') return resolve(null)
          const alt = altInput.value.replace(/[[\]\n]/g, ' ').trim()
          // An empty alt stays empty: publishing then asks for it, unless marked decorative.
          if (decorative.checked) resolve(`![](${image.url} "decorative")`)
          else resolve(`![${alt}](${image.url})`)
        },
        { once: true },
      )
      dialog.showModal()
      altInput.focus()
    })
  }

  function insertAtCursor(text, at) {
    const before = textarea.value.slice(0, at)
    const after = textarea.value.slice(at)
    const lead = before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : ''
    const trail = after.startsWith('\n') ? '' : '\n'
    textarea.value = before + lead + text + trail + after
    const cursor = (before + lead + text).length
    textarea.setSelectionRange(cursor, cursor)
    textarea.focus()
    // The live preview (htmx) listens for input on the textarea.
    textarea.dispatchEvent(new Event('input', { bubbles: true }))
  }

  async function addImages(files, at) {
    for (const file of files) {
      try {
        const image = await upload(file)
        say('', false)
        const markdown = await askAlt(image)
        if (markdown) insertAtCursor(markdown, at)
        at = textarea.selectionEnd
      } catch (error) {
        say(error.message, true)
      } finally {
        progress.hidden = true
      }
    }
  }

  decorative.addEventListener('change', () => {
    altInput.disabled = decorative.checked
  })

  document.getElementById('image-file').addEventListener('change', (event) => {
    const files = [...event.target.files]
    event.target.value = ''
    addImages(files, textarea.selectionStart)
  })

  textarea.addEventListener('dragover', (event) => {
    if (event.dataTransfer && [...event.dataTransfer.types].includes('Files')) {
      event.preventDefault()
      textarea.classList.add('drop-target')
    }
  })
  textarea.addEventListener('dragleave', () => textarea.classList.remove('drop-target'))
  textarea.addEventListener('drop', (event) => {
    const files = [...(event.dataTransfer?.files ?? [])]
    textarea.classList.remove('drop-target')
    if (files.length === 0) return
    event.preventDefault()
    addImages(files, textarea.selectionStart)
  })
  textarea.addEventListener('paste', (event) => {
    const files = [...(event.clipboardData?.files ?? [])]
    if (files.length === 0) return
    event.preventDefault()
    addImages(files, textarea.selectionStart)
  })

  // Featured image: upload, choose from the library, remove.
  const path = document.getElementById('featured-image')
  const featuredAlt = document.getElementById('featured-image-alt')
  const preview = document.getElementById('featured-preview')
  const previewBox = document.getElementById('featured-preview-box')
  const library = document.getElementById('featured-library')
  const chooseButton = document.getElementById('featured-choose')
  if (!path || !preview || !library || !chooseButton) return
  document.querySelector('.featured-actions').hidden = false

  function setFeatured(image) {
    path.value = image ? image.url : ''
    if (image) {
      preview.src = image.url
      preview.width = image.width
      preview.height = image.height
      if (!featuredAlt.value && image.alt) featuredAlt.value = image.alt
      featuredAlt.focus()
    } else {
      preview.removeAttribute('src')
      featuredAlt.value = ''
    }
    previewBox.hidden = !image
  }

  document.getElementById('featured-file').addEventListener('change', async (event) => {
    const [file] = event.target.files
    event.target.value = ''
    if (!file) return
    try {
      setFeatured(await upload(file))
      say('', false)
    } catch (error) {
      say(error.message, true)
    } finally {
      progress.hidden = true
    }
  })

  document.getElementById('featured-remove').addEventListener('click', () => setFeatured(null))

  chooseButton.addEventListener('click', async () => {
    const open = library.hidden
    library.hidden = !open
    chooseButton.setAttribute('aria-expanded', String(open))
    if (!open || library.dataset.loaded) return
    const response = await fetch('/admin/media/library', { headers: { Accept: 'text/html' } })
    if (!response.ok) return say(box.dataset.messageFailed, true)
    library.innerHTML = await response.text()
    library.dataset.loaded = 'true'
  })

  library.addEventListener('click', (event) => {
    const item = event.target.closest('.library-item')
    if (!item) return
    setFeatured({
      url: item.dataset.path,
      width: Number(item.dataset.width),
      height: Number(item.dataset.height),
      alt: item.dataset.alt,
    })
    library.hidden = true
    chooseButton.setAttribute('aria-expanded', 'false')
  })
})()
