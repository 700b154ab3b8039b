import type { Locale } from '../../i18n/site'
import { VISUAL_EDITOR_SCRIPT, VISUAL_EDITOR_STYLESHEET } from './bundle-files'
import { browserMessages, visualEditorMessagesFor } from './messages'

/**
 * The visual editor's script, stylesheet and labels, for editor pages only: every Markdown
 * textarea of the page's forms gets the editor. Reader pages never include this.
 */
export function VisualEditorAssets({ locale }: { locale: Locale }) {
  return (
    <>
      <link rel="stylesheet" href={VISUAL_EDITOR_STYLESHEET} />
      <div
        id="visual-editor-messages"
        hidden
        data-messages={JSON.stringify(browserMessages(visualEditorMessagesFor(locale)))}
      ></div>
      <script src={VISUAL_EDITOR_SCRIPT} defer></script>
    </>
  )
}
