// The CLI bundles its sample page as text (esbuild's `text` loader for .html).
declare module '*.html' {
  const content: string;
  export default content;
}
