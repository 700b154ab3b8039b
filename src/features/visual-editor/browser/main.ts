import type { BrowserMessages } from '../messages'
import { mountVisualEditor } from './mount'

/**
 * The visual editor, on editor pages only: every Markdown textarea of the page's forms
 * (`name="markdown"`, or marked `data-visual-editor`) gets one. Without this script the
 * textarea is the editor, as it always was.
 */
const config = document.getElementById('visual-editor-messages')
if (config) {
  const messages = JSON.parse(config.dataset.messages!) as BrowserMessages
  for (const textarea of document.querySelectorAll<HTMLTextAreaElement>(
    'form textarea[name="markdown"], form textarea[data-visual-editor]',
  )) {
    mountVisualEditor(textarea, messages)
  }
}
