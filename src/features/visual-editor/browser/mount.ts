import { Editor, Extension } from '@tiptap/core'
import { Markdown } from '@tiptap/markdown'
import { Dropcursor } from '@tiptap/extensions/drop-cursor'
import { Gapcursor } from '@tiptap/extensions/gap-cursor'
import { TrailingNode } from '@tiptap/extensions/trailing-node'
import { UndoRedo } from '@tiptap/extensions/undo-redo'
import type { BrowserMessages } from '../messages'
import { contentExtensions } from './extensions'
import { altEditor, imageView } from './image-view'
import { linkDialog } from './link-dialog'
import { mediaBridge } from './media-bridge'
import { richTextHandlers } from './paste'
import { originalNodes, parseBlocks, serializeBlocks, type SourceLayout } from './source-blocks'
import { renderToolbar, toolbarActions } from './toolbar'
import { countWords, readingMinutes } from './word-count'

let counter = 0

/**
 * Puts a visual editor over a Markdown textarea. The textarea stays in the form and stays the
 * one source of truth: it is written only when the writer changes something in the visual view,
 * and untouched blocks are written back exactly as they were read. The **Markdown** button shows
 * the textarea itself.
 */
export function mountVisualEditor(textarea: HTMLTextAreaElement, m: BrowserMessages) {
  const id = `ve-${++counter}`
  const wrapper = document.createElement('div')
  wrapper.className = 've'
  const modes = document.createElement('div')
  modes.className = 've-modes'
  modes.setAttribute('role', 'group')
  modes.setAttribute('aria-label', m.modes)
  const visualButton = modeButton(m.visual)
  const markdownButton = modeButton(m.markdown)
  modes.append(visualButton, markdownButton)
  const surface = document.createElement('div')
  surface.className = 've-surface'
  const count = document.createElement('p')
  count.className = 'help ve-count'
  count.id = `${id}-count`
  // A textarea inside its label (the note form) moves out of it: a label must not hold the
  // editor and its buttons.
  const enclosing = textarea.closest('label')
  if (enclosing) {
    if (!textarea.id) textarea.id = `${id}-source`
    enclosing.after(textarea)
    enclosing.htmlFor = textarea.id
  }
  textarea.before(wrapper)
  wrapper.append(modes, surface)
  textarea.after(count)

  const label = textarea.id
    ? document.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`)
    : null
  if (label && !label.id) label.id = `${id}-label`
  const described = [textarea.getAttribute('aria-describedby'), count.id].filter(Boolean).join(' ')

  let layout: SourceLayout
  let originals: ReturnType<typeof originalNodes> = []
  /** What the textarea held when the visual view last read or wrote it. */
  let synced = textarea.value
  let writing = false
  const status = document.getElementById('image-status')

  const editor: Editor = new Editor({
    element: surface,
    injectCSS: false,
    extensions: [
      ...contentExtensions({ rawLabel: m.raw, imageView: imageView(m, altEditor()) }),
      UndoRedo,
      Dropcursor,
      Gapcursor,
      TrailingNode,
      Markdown,
      Extension.create({
        name: 'linkShortcut',
        addKeyboardShortcuts: () => ({ 'Mod-k': () => (openLink(), true) }),
      }),
    ],
    editorProps: {
      attributes: {
        id: `${id}-text`,
        class: 've-text post-body',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(label ? { 'aria-labelledby': label.id } : { 'aria-label': m.visual }),
        'aria-describedby': described,
        ...(textarea.getAttribute('aria-invalid') ? { 'aria-invalid': 'true' } : {}),
        spellcheck: 'true',
      },
      // Before ProseMirror reads the clipboard: raw pasted HTML is never parsed in the page.
      handleDOMEvents: {
        paste: (view, event) => {
          const files = event.clipboardData?.files
          if (files && files.length > 0 && media.forward('paste', files)) {
            event.preventDefault()
            return true
          }
          return richText.paste(view, event)
        },
        drop: (view, event) => {
          const files = event.dataTransfer?.files
          if (files && files.length > 0 && media.forward('drop', files)) {
            event.preventDefault()
            return true
          }
          return richText.drop(view, event)
        },
      },
    },
  })
  const manager = editor.markdown!
  const media = mediaBridge(textarea, editor, manager)
  const richText = richTextHandlers(() => {
    if (status) status.textContent = m.pasteFailed
  })

  /** Reads Markdown into the view, outside the undo history and without writing it back. */
  function load(markdown: string) {
    const parsed = parseBlocks(manager, markdown)
    layout = parsed.layout
    const { state } = editor
    const doc = state.schema.nodeFromJSON(parsed.doc)
    editor.view.dispatch(
      state.tr
        .replaceWith(0, state.doc.content.size, doc.content)
        .setMeta('addToHistory', false)
        .setMeta('preventUpdate', true),
    )
    originals = originalNodes(editor.state.doc, layout)
    synced = markdown
  }
  load(textarea.value)

  const openLink = linkDialog(editor, m)
  const actions = toolbarActions(editor, m, { link: openLink, image: media.openPicker })
  const toolbar = renderToolbar(actions, m.toolbar, `${id}-text`)
  modes.after(toolbar.bar)

  function showCount() {
    const text = visual()
      ? editor.state.doc.textBetween(0, editor.state.doc.content.size, ' ', ' ')
      : textarea.value
    const words = countWords(text)
    count.textContent = (words === 1 ? m.word : m.words)
      .replace('{n}', words.toLocaleString(document.documentElement.lang || 'en'))
      .replace('{m}', String(readingMinutes(words)))
  }

  editor.on('update', () => {
    const markdown = serializeBlocks(manager, editor.state.doc, layout, originals)
    if (markdown !== textarea.value) {
      textarea.value = markdown
      synced = markdown
      // Autosave, the live preview and the unsaved-work warning listen for this.
      writing = true
      textarea.dispatchEvent(new Event('input', { bubbles: true }))
      writing = false
    }
    showCount()
  })
  editor.on('transaction', () => toolbar.refresh())

  // The uploader wrote into the textarea behind the visual view: take it as an image.
  textarea.addEventListener('input', () => {
    if (writing || !visual() || textarea.value === synced) return
    media.takeInsertion(synced)
  })

  const visual = () => textarea.hidden
  function show(asVisual: boolean) {
    if (asVisual && textarea.value !== synced) load(textarea.value)
    textarea.hidden = asVisual
    surface.hidden = !asVisual
    toolbar.bar.hidden = !asVisual
    visualButton.setAttribute('aria-pressed', String(asVisual))
    markdownButton.setAttribute('aria-pressed', String(!asVisual))
    showCount()
  }
  visualButton.addEventListener('click', () => {
    show(true)
    editor.commands.focus()
  })
  markdownButton.addEventListener('click', () => {
    show(false)
    textarea.focus()
  })
  label?.addEventListener('click', (event) => {
    if (!visual()) return
    event.preventDefault()
    editor.commands.focus()
  })
  textarea.addEventListener('input', () => !visual() && showCount())
  show(true)
  toolbar.refresh()
  return editor
}

function modeButton(text: string) {
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 've-mode'
  button.textContent = text
  return button
}
