/**
 * The interface strings and locale the build wrote into the page for its scripts
 * (src/shared/i18n/client-strings.ts, written by src/components/UiStrings.astro).
 */
import { UI_STRINGS_ID, type Part, type UiStrings } from '../../shared/i18n/client-strings.ts';

let parsed: UiStrings | undefined;

/** The page's strings; throws when the page was built without one of `parts`. */
export function uiStrings<P extends Part>(parts: readonly P[]): UiStrings<P> {
  if (!parsed) {
    const element = document.getElementById(UI_STRINGS_ID);
    if (!element) throw new Error(`the page has no #${UI_STRINGS_ID} element: its layout must pass the strings`);
    parsed = JSON.parse(element.textContent ?? '') as UiStrings;
  }
  const missing = parts.filter((part) => !Object.hasOwn(parsed?.strings ?? {}, part));
  if (missing.length > 0)
    throw new Error(`#${UI_STRINGS_ID} lacks ${missing.join(', ')}: add them in the page's layout`);
  return parsed as UiStrings<P>;
}
