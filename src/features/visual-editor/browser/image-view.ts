import type { NodeViewRenderer } from '@tiptap/core'
import type { BrowserMessages } from '../messages'

export type ImageAttrs = { src: string; alt: string | null; title: string | null }
export type AltEditor = (image: ImageAttrs) => Promise<Pick<ImageAttrs, 'alt' | 'title'> | null>

/**
 * Asks for an image's alt text with the editor page's own dialog (the one used after an
 * upload), or a plain prompt where the page has none.
 */
export function altEditor(): AltEditor {
  const dialog = document.getElementById('image-alt-dialog') as HTMLDialogElement | null
  const input = document.getElementById('image-alt-input') as HTMLInputElement | null
  const decorative = document.getElementById('image-alt-decorative') as HTMLInputElement | null
  const preview = document.getElementById('image-alt-preview') as HTMLImageElement | null
  if (!dialog || !input || !decorative || !preview) {
    return async (image) => {
      const alt = prompt('Alt', image.alt ?? '')
      return alt === null ? null : { alt: alt.replace(/[[\]\n]/g, ' ').trim(), title: image.title }
    }
  }
  return (image) =>
    new Promise((resolve) => {
      input.value = image.alt ?? ''
      decorative.checked = image.title === 'decorative'
      input.disabled = decorative.checked
      preview.src = image.src
      dialog.returnValue = ''
      dialog.addEventListener(
        'close',
        () => {
          if (dialog.returnValue !== 'insert') return resolve(null)
          if (decorative.checked) return resolve({ alt: '', title: 'decorative' })
          const title = image.title === 'decorative' ? null : image.title
          resolve({ alt: input.value.replace(/[[\]\n]/g, ' ').trim(), title })
        },
        { once: true },
      )
      dialog.showModal()
      input.focus()
    })
}

/**
 * An image as it is, at its own size (never wider than the column), with a button that shows its
 * alt text and edits it.
 */
export function imageView(m: BrowserMessages, editAlt: AltEditor): NodeViewRenderer {
  return ({ node, getPos, editor }) => {
    let current = node
    const dom = document.createElement('span')
    dom.className = 've-image'
    dom.contentEditable = 'false'
    const img = document.createElement('img')
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 've-alt'
    dom.append(img, button)
    const show = () => {
      const { src, alt, title } = current.attrs as ImageAttrs
      img.src = src
      img.alt = alt ?? ''
      if (title && title !== 'decorative') img.title = title
      else img.removeAttribute('title')
      button.textContent = alt ? m.altButton.replace('{alt}', alt) : m.altNone
    }
    show()
    button.addEventListener('click', async () => {
      const changed = await editAlt(current.attrs as ImageAttrs)
      const at = typeof getPos === 'function' ? getPos() : undefined
      if (!changed || at === undefined) return editor.commands.focus()
      editor
        .chain()
        .focus()
        .command(({ tr }) => {
          tr.setNodeMarkup(at, undefined, { ...current.attrs, ...changed })
          return true
        })
        .run()
    })
    return {
      dom,
      update(updated) {
        if (updated.type !== current.type) return false
        current = updated
        show()
        return true
      },
      stopEvent: (event) => event.target === button,
      ignoreMutation: () => true,
    }
  }
}
