import { TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

export const CLEAN_HTML_PATH = '/admin/editor/clean-html'

/**
 * Rich text pasted or dropped from Word, Google Docs or a web page goes through the server's
 * sanitizer, the one that guards published posts, before the editor parses it at all: headings,
 * lists, links, emphasis and tables stay, everything else goes. Files are left to the uploader.
 */
export function richTextHandlers(onFailure: () => void) {
  function clean(view: EditorView, event: Event, html: string, text: string) {
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
      .then((cleaned) => view.pasteHTML(cleaned))
      .catch(() => {
        onFailure()
        view.pasteText(text)
      })
    return true
  }

  return {
    paste(view: EditorView, event: ClipboardEvent) {
      const html = event.clipboardData?.getData('text/html')
      if (!html) return false
      return clean(view, event, html, event.clipboardData?.getData('text/plain') ?? '')
    },
    drop(view: EditorView, event: DragEvent) {
      // A move inside the document is ProseMirror's own.
      if (view.dragging) return false
      const html = event.dataTransfer?.getData('text/html')
      if (!html) return false
      const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
      if (at)
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at.pos)))
      return clean(view, event, html, event.dataTransfer?.getData('text/plain') ?? '')
    },
  }
}
