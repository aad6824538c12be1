/** A text file bundled as a string by vite (`import text from './page.md?raw'`). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
