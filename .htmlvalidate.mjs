/**
 * html-validate settings for the built site (tests/build/html-validate.test.ts validates
 * every page of dist/). All recommended and whole-document rules apply, except where a
 * rule judges something that is valid HTML and right for this site:
 */
/** @type {import('html-validate').ConfigData} */
export default {
  root: true,
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // An SEO length heuristic, not validity: a paper page's <title> is the paper's title,
    // and real titles run past 70 characters.
    'long-title': 'off',
    // KaTeX's build-time HTML sizes and positions glyphs with inline `style` attributes;
    // the math cannot render without them (the site itself uses no inline styles).
    'no-inline-style': 'off',
    // Subresource integrity protects files from other hosts; this site loads only its own
    // files (same origin or file://), so require it only where it matters: cross-origin.
    'require-sri': ['error', { target: 'crossorigin' }],
  },
};
