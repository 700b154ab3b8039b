import type { MediaMessages } from '../messages'
import { MAX_MEDIA_BYTES } from '../store'
import { MEDIA_EDITOR_SCRIPT_SRC } from '../../../ui/assets'

const ACCEPTED = 'image/jpeg,image/png,image/webp,image/avif,image/gif'

/**
 * The editor's image tools (static/js/media-editor.*.js): a file picker, dropping or pasting
 * into the text, a progress bar, then a dialog that asks for the alt text before inserting
 * `![alt](/media/…)` at the cursor. Without JavaScript the media page still uploads.
 */
export function ImageUploader({ m }: { m: MediaMessages }) {
  return (
    <div
      class="image-upload"
      data-max-bytes={String(MAX_MEDIA_BYTES)}
      data-message-too-large={m.errors.tooLarge}
      data-message-type={m.errors.unsupportedType}
      data-message-failed={m.uploadFailed}
      data-message-uploading={m.uploading}
    >
      <label class="file-button">
        {m.uploadImage}
        <input type="file" id="image-file" accept={ACCEPTED} multiple />
      </label>
      <span class="help">{m.chooseFile}</span>
      <progress id="image-progress" max={100} value={0} hidden></progress>
      <p id="image-status" class="help" role="status" aria-live="polite"></p>
      <script src={MEDIA_EDITOR_SCRIPT_SRC} defer></script>
    </div>
  )
}

/** Asks for the alt text of an uploaded image; outside the post form, as forms cannot nest. */
export function ImageAltDialog({ m }: { m: MediaMessages }) {
  return (
    <dialog id="image-alt-dialog" aria-labelledby="image-alt-title">
      <form method="dialog" class="stack">
        <h2 id="image-alt-title">{m.alt}</h2>
        <img id="image-alt-preview" alt="" width={1} height={1} />
        <label>
          {m.alt}
          <input id="image-alt-input" maxlength={500} aria-describedby="image-alt-help" />
        </label>
        <p class="help" id="image-alt-help">
          {m.altHelp}
        </p>
        <label class="check">
          <input type="checkbox" id="image-alt-decorative" /> {m.decorative}
        </label>
        <div class="dialog-actions">
          <button type="submit" value="insert">
            {m.insert}
          </button>
          <button type="submit" value="cancel" class="link-button">
            {m.cancel}
          </button>
        </div>
      </form>
    </dialog>
  )
}
