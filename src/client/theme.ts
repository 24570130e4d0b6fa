/**
 * The light/dark switch. Without a stored choice the site follows the system setting
 * (CSS `prefers-color-scheme`); pressing the button stores the opposite of what is shown
 * now. The inline snippet in the page head applies a stored choice before first paint.
 */
const STORAGE_KEY = 'theme';
type Theme = 'light' | 'dark';

const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function shownTheme(): Theme {
  const chosen = root.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemDark.matches ? 'dark' : 'light';
}

function remember(theme: Theme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage can be off (private mode, file:// policies): the switch still works for this page.
  }
}

function setUp(): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]');
  const sync = () => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(shownTheme() === 'dark'));
  };
  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const next: Theme = shownTheme() === 'dark' ? 'light' : 'dark';
      root.dataset.theme = next;
      remember(next);
      sync();
    });
  }
  systemDark.addEventListener('change', sync);
  sync();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
else setUp();

// A module, so its names stay out of the global scope TypeScript checks against.
export {};
