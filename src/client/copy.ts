/**
 * Copy buttons: `<button data-copy-target="id">` copies the text of element `id` and says
 * so in the status element `[data-copy-status="id"]`. Buttons stay hidden where the
 * Clipboard API is missing; the text can still be selected by hand.
 */
const RESET_AFTER_MS = 2500;

function setUp(): void {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-target]')) {
    const id = button.dataset.copyTarget ?? '';
    const source = document.getElementById(id);
    const status = document.querySelector<HTMLElement>(`[data-copy-status="${CSS.escape(id)}"]`);
    if (!source) continue;
    button.hidden = false;
    let timer: number | undefined;
    button.addEventListener('click', async () => {
      let message: string;
      try {
        await navigator.clipboard.writeText(source.textContent ?? '');
        message = 'Copied';
      } catch {
        message = 'Copy failed: select the text and copy it by hand';
      }
      if (status) status.textContent = message;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (status) status.textContent = '';
      }, RESET_AFTER_MS);
    });
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
else setUp();

// A module, so its names stay out of the global scope TypeScript checks against.
export {};
