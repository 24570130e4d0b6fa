/**
 * Copy buttons: `<button data-copy-target="id">` copies the text of element `id` and says
 * so in the status element `[data-copy-status="id"]`. Buttons stay hidden where the
 * Clipboard API is missing; the text can still be selected by hand. What they say comes
 * from the page's interface strings (`copy`).
 */
import { uiStrings } from './common/ui-strings.ts';
import { SCRIPT_PARTS } from '../shared/i18n/client-strings.ts';

const RESET_AFTER_MS = 2500;

function setUp(): void {
  if (!navigator.clipboard) return;
  const { strings } = uiStrings(SCRIPT_PARTS.copy);
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
        message = strings.copy.copied;
      } catch {
        message = strings.copy.failed;
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
