const MB = 1024 * 1024

/** How much a zip may hold, checked as it is read: past any of them it is refused there. */
export type ArchiveLimits = {
  /** Files in the zip. */
  entries: number
  /** Bytes one file may unpack to. */
  entryBytes: number
  /** Bytes all the files together may unpack to. */
  totalBytes: number
}

/**
 * What this blog's own export can hold, with room to spare (the command line reads up to
 * ARCHIVE_MAX_BYTES, 500 MB, of zip).
 * - entries: the export writes one file per post and per image, plus four; 50,000 is a blog of
 *   25,000 posts and as many images. A file costs the reader only its name until it is used.
 * - entryBytes: the largest file the export writes is an image (the media store keeps none over
 *   10 MB), a post (WordPress fields run to 4 million characters) or redirects.json (100 bytes
 *   or so per old address): 16 MB holds any of them.
 * - totalBytes: images are stored as they are and Markdown shrinks three- or fourfold, so a
 *   500 MB export unpacks to well under 1 GB.
 */
export const ARCHIVE_LIMITS: ArchiveLimits = {
  entries: 50_000,
  entryBytes: 16 * MB,
  totalBytes: 1024 * MB,
}

/**
 * An upload from the admin (at most 50 MB of zip) is read in a Workflow step, whose isolate has
 * 128 MB: what is unpacked is held until the manifest, the zip's last file, says what it is. A
 * real 50 MB upload is mostly images, unpacking to little more than itself; larger blogs are
 * imported with `npm run import`.
 */
export const UPLOAD_ARCHIVE_LIMITS: ArchiveLimits = { ...ARCHIVE_LIMITS, totalBytes: 64 * MB }

/** A number of bytes as the refusal messages give it. */
export const sizeLabel = (bytes: number) =>
  bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes.toLocaleString('en')} bytes`
