import type { Editor } from '@tiptap/core'
import type { BrowserMessages } from '../messages'

let counter = 0

/**
 * A small dialog for a link's address. Markdown links carry no target, so a link always opens
 * in the same tab, as the help says.
 */
export function linkDialog(editor: Editor, m: BrowserMessages) {
  const id = `ve-link-${++counter}`
  const dialog = document.createElement('dialog')
  dialog.className = 've-link-dialog'
  dialog.setAttribute('aria-labelledby', `${id}-title`)
  dialog.innerHTML = `<form method="dialog" class="stack">
  <h2 id="${id}-title"></h2>
  <label><span></span><input type="text" inputmode="url" autocomplete="off" aria-describedby="${id}-help"></label>
  <p class="help" id="${id}-help"></p>
  <div class="dialog-actions">
    <button type="submit" value="apply"></button>
    <button type="submit" value="remove" class="link-button"></button>
    <button type="submit" value="cancel" class="link-button"></button>
  </div>
</form>`
  dialog.querySelector('h2')!.textContent = m.linkTitle
  dialog.querySelector('label span')!.textContent = m.linkAddress
  dialog.querySelector('.help')!.textContent = m.linkHelp
  const [apply, remove, cancel] = dialog.querySelectorAll('button')
  apply.textContent = m.apply
  remove.textContent = m.removeLink
  cancel.textContent = m.cancel
  const input = dialog.querySelector('input')!
  // Outside the post form: forms cannot nest.
  document.body.append(dialog)

  dialog.addEventListener('close', () => {
    const address = input.value.trim()
    const chain = editor.chain().focus().extendMarkRange('link')
    if (dialog.returnValue === 'remove' || (dialog.returnValue === 'apply' && !address)) {
      chain.unsetMark('link').run()
    } else if (dialog.returnValue === 'apply') {
      if (editor.state.selection.empty && !editor.isActive('link')) {
        editor
          .chain()
          .focus()
          .insertContent({
            type: 'text',
            text: address,
            marks: [{ type: 'link', attrs: { href: address } }],
          })
          .run()
      } else chain.setMark('link', { href: address }).run()
    } else editor.commands.focus()
  })

  return () => {
    const current = editor.getAttributes('link').href as string | undefined
    input.value = current ?? ''
    remove.hidden = !current
    dialog.returnValue = ''
    dialog.showModal()
    input.focus()
  }
}
