/**
 * HTML from notebook outputs is sanitised before it goes into a book page, with sanitize-html (an
 * allowlist: no scripts, event handlers, iframes, forms or javascript: URLs). The lab's own
 * outputs (tables, claim cards, hints) keep their look; a book built from student copies cannot
 * run a student's script in a reader's browser.
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'details', 'summary', 'h1', 'h2', 'span', 'figure', 'figcaption', 'colgroup', 'col'],
  allowedAttributes: {
    '*': ['class', 'title', 'align', 'style', 'colspan', 'rowspan'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data', 'http', 'https'] },
  allowedStyles: {
    '*': {
      'text-align': [/^(left|right|center|justify)$/],
      color: [/^#[0-9a-f]{3,8}$/i, /^[a-z]+$/i, /^rgba?\([\d\s.,%]+\)$/],
      'background-color': [/^#[0-9a-f]{3,8}$/i, /^[a-z]+$/i, /^rgba?\([\d\s.,%]+\)$/],
      'font-weight': [/^(bold|normal|\d{3})$/],
      'font-style': [/^(italic|normal)$/],
      'white-space': [/^(pre|nowrap|normal|pre-wrap)$/],
    },
  },
};

/** `html` with everything outside the allowlist removed. */
export function sanitizeOutputHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
