// A module file, so that this augments vitest's types instead of replacing them.
export {}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the local HTTP server that serves the import fixtures' images. */
    imageServer: string
  }
}
