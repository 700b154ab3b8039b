import type { Editor } from '@tiptap/core'
import type { MarkdownManager } from '@tiptap/markdown'

/**
 * The page's image tools (media-editor script: picker, drop, paste, progress, alt text dialog)
 * work on the Markdown textarea. In the visual view, files dropped or pasted on the text are
 * handed to them, and the `![alt](/media/…)` they then write into the textarea is taken back out
 * and inserted as an image at the visual cursor.
 */
export function mediaBridge(
  textarea: HTMLTextAreaElement,
  editor: Editor,
  manager: MarkdownManager,
) {
  const picker = document.getElementById('image-file') as HTMLInputElement | null
  const available = picker !== null && document.querySelector('.image-upload') !== null

  function aimAtEnd() {
    textarea.setSelectionRange(textarea.value.length, textarea.value.length)
  }

  /** Hands files to the uploader as if they were dropped or pasted on the textarea. */
  function forward(kind: 'drop' | 'paste', files: FileList) {
    if (!available || files.length === 0) return false
    aimAtEnd()
    const data = new DataTransfer()
    for (const file of files) data.items.add(file)
    const event =
      kind === 'drop'
        ? new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true })
        : new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    textarea.dispatchEvent(event)
    return true
  }

  /**
   * Called when the uploader changed the textarea behind the visual view: `before` is what the
   * view had written. The inserted Markdown becomes image nodes at the cursor.
   */
  function takeInsertion(before: string) {
    const after = textarea.value
    let start = 0
    while (start < before.length && before[start] === after[start]) start++
    let end = 0
    while (
      end < before.length - start &&
      before[before.length - 1 - end] === after[after.length - 1 - end]
    )
      end++
    const inserted = after.slice(start, after.length - end).trim()
    textarea.value = before
    if (!inserted) return
    const blocks = manager.parse(inserted).content ?? []
    const inline = blocks.flatMap((block) => block.content ?? [])
    editor
      .chain()
      .focus()
      .insertContent(inline.length ? inline : blocks)
      .run()
  }

  return {
    available,
    openPicker: available ? () => (aimAtEnd(), picker!.click()) : null,
    forward,
    takeInsertion,
  }
}
