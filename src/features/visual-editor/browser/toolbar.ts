import type { Editor } from '@tiptap/core'
import type { BrowserMessages } from '../messages'

export type ToolbarAction = {
  label: string
  /** What the button shows; the label is its accessible name. */
  face: string
  keys?: string
  run: () => void
  /** A toggle reports whether it is on at the cursor (aria-pressed). */
  active?: () => boolean
  /** A button that only acts somewhere (in a table) is shown only there. */
  shown?: () => boolean
}

const MAC = /Mac|iPhone|iPad/.test(navigator.platform)
const shortcut = (keys: string) => keys.replace('Mod', MAC ? '⌘' : 'Ctrl')

export function toolbarActions(
  editor: Editor,
  m: BrowserMessages,
  open: { link: () => void; image: (() => void) | null },
): ToolbarAction[] {
  const chain = () => editor.chain().focus()
  const heading = (level: 2 | 3 | 4): ToolbarAction => ({
    label: m.heading.replace('{n}', String(level)),
    face: `H${level}`,
    keys: `Mod-Alt-${level}`,
    run: () => chain().toggleHeading({ level }).run(),
    active: () => editor.isActive('heading', { level }),
  })
  const actions: (ToolbarAction | null)[] = [
    {
      label: m.bold,
      face: 'B',
      keys: 'Mod-B',
      run: () => chain().toggleBold().run(),
      active: () => editor.isActive('bold'),
    },
    {
      label: m.italic,
      face: 'I',
      keys: 'Mod-I',
      run: () => chain().toggleItalic().run(),
      active: () => editor.isActive('italic'),
    },
    {
      label: m.link,
      face: '🔗',
      keys: 'Mod-K',
      run: open.link,
      active: () => editor.isActive('link'),
    },
    heading(2),
    heading(3),
    heading(4),
    {
      label: m.bulletList,
      face: '•',
      keys: 'Mod-Shift-8',
      run: () => chain().toggleBulletList().run(),
      active: () => editor.isActive('bulletList'),
    },
    {
      label: m.orderedList,
      face: '1.',
      keys: 'Mod-Shift-7',
      run: () => chain().toggleOrderedList().run(),
      active: () => editor.isActive('orderedList'),
    },
    {
      label: m.quote,
      face: '❝',
      keys: 'Mod-Shift-B',
      run: () => chain().toggleBlockquote().run(),
      active: () => editor.isActive('blockquote'),
    },
    {
      label: m.code,
      face: '</>',
      keys: 'Mod-E',
      run: () => chain().toggleCode().run(),
      active: () => editor.isActive('code'),
    },
    {
      label: m.codeBlock,
      face: '{ }',
      keys: 'Mod-Alt-C',
      run: () => chain().toggleCodeBlock().run(),
      active: () => editor.isActive('codeBlock'),
    },
    {
      label: m.table,
      face: '▦',
      run: () => chain().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run(),
    },
    ...tableActions(editor, m),
    { label: m.rule, face: '―', run: () => chain().setHorizontalRule().run() },
    open.image && { label: m.image, face: '🖼', run: open.image },
    { label: m.undo, face: '↶', keys: 'Mod-Z', run: () => chain().undo().run() },
    { label: m.redo, face: '↷', keys: 'Mod-Shift-Z', run: () => chain().redo().run() },
  ]
  return actions.filter((action): action is ToolbarAction => action !== null)
}

/** Rows and columns of the table at the cursor; Markdown tables have one header row. */
function tableActions(editor: Editor, m: BrowserMessages): ToolbarAction[] {
  const chain = () => editor.chain().focus()
  const inTable = () => editor.isActive('table')
  return [
    { label: m.addRow, face: '+▤', run: () => chain().addRowAfter().run(), shown: inTable },
    { label: m.addColumn, face: '+▥', run: () => chain().addColumnAfter().run(), shown: inTable },
    { label: m.deleteRow, face: '−▤', run: () => chain().deleteRow().run(), shown: inTable },
    {
      label: m.deleteColumn,
      face: '−▥',
      run: () => chain().deleteColumn().run(),
      shown: inTable,
    },
    { label: m.deleteTable, face: '✕▦', run: () => chain().deleteTable().run(), shown: inTable },
  ]
}

/**
 * A `role="toolbar"` with one tab stop: arrows, Home and End move between buttons (roving
 * tabindex), Tab leaves for the text.
 */
export function renderToolbar(actions: ToolbarAction[], label: string, controls: string) {
  const bar = document.createElement('div')
  bar.className = 've-toolbar'
  bar.setAttribute('role', 'toolbar')
  bar.setAttribute('aria-label', label)
  bar.setAttribute('aria-controls', controls)
  const buttons = actions.map((action, index) => {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 've-button'
    // The name is the label itself (read from the content, so what is seen and what is heard
    // never disagree); the short face is only seen.
    const face = document.createElement('span')
    face.setAttribute('aria-hidden', 'true')
    face.textContent = action.face
    const name = document.createElement('span')
    name.className = 'visually-hidden'
    name.textContent = action.label
    button.append(face, name)
    button.title = action.keys ? `${action.label} (${shortcut(action.keys)})` : action.label
    if (action.keys)
      button.setAttribute('aria-keyshortcuts', action.keys.replace('Mod', MAC ? 'Meta' : 'Control'))
    button.tabIndex = index === 0 ? 0 : -1
    // Keep the text's selection: the editor acts on it.
    button.addEventListener('mousedown', (event) => event.preventDefault())
    button.addEventListener('click', () => action.run())
    bar.append(button)
    return button
  })
  bar.addEventListener('keydown', (event) => {
    const reachable = buttons.filter((button) => !button.hidden)
    const current = reachable.indexOf(document.activeElement as HTMLButtonElement)
    if (current < 0) return
    const last = reachable.length - 1
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? current === last
          ? 0
          : current + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? current === 0
            ? last
            : current - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1
    if (next < 0) return
    event.preventDefault()
    reachable[current].tabIndex = -1
    reachable[next].tabIndex = 0
    reachable[next].focus()
  })
  const refresh = () =>
    actions.forEach((action, index) => {
      const button = buttons[index]
      if (action.active) button.setAttribute('aria-pressed', String(action.active()))
      if (!action.shown) return
      const shown = action.shown()
      if (shown === !button.hidden) return
      button.hidden = !shown
      // The one tab stop never rests on a hidden button.
      if (!shown && button.tabIndex === 0) {
        button.tabIndex = -1
        buttons[0].tabIndex = 0
      }
    })
  return { bar, refresh }
}
