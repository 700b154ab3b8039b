import type { EditorView } from '@tiptap/pm/view'

export const CLEAN_HTML_PATH = '/admin/editor/clean-html'

/**
 * Rich text pasted from Word, Google Docs or a web page goes through the server's sanitizer, the
 * one that guards published posts, before it reaches the document: headings, lists, links,
 * emphasis and tables stay, everything else goes. Images (files) are left to the uploader.
 */
export function pasteHandler(onFailure: () => void) {
  let cleaning = false
  return (view: EditorView, event: ClipboardEvent) => {
    if (cleaning) return false
    const html = event.clipboardData?.getData('text/html')
    if (!html) return false
    const text = event.clipboardData?.getData('text/plain') ?? ''
    event.preventDefault()
    fetch(CLEAN_HTML_PATH, {
      method: 'POST',
      body: new URLSearchParams({ html }),
      credentials: 'same-origin',
    })
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status))
        return response.text()
      })
      .then((clean) => {
        cleaning = true
        try {
          view.pasteHTML(clean)
        } finally {
          cleaning = false
        }
      })
      .catch(() => {
        onFailure()
        view.pasteText(text)
      })
    return true
  }
}
