/**
 * Runs a classic script by URL and resolves once it has run. Classic `<script src>` is
 * the one way to load data and code that also works from file:// (module imports and
 * fetch are blocked there), so the search, offline index and reading list all load
 * through this.
 */
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}
