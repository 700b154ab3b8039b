// wrangler.toml bundles .css files as Text modules: importing one gives its content.
declare module '*.css' {
  const text: string
  export default text
}
