/**
 * Markdown for the book: markdown-it with raw HTML allowed (hints use <details>), heading ids,
 * links to other notebooks rewritten to their pages, and TeX left as written: `$…$` and `$$…$$`
 * are kept out of markdown's hands and shown verbatim in `<span class="math">`.
 */
import MarkdownIt from 'markdown-it';

import { escapeHtml } from '../../lib/core/html';

export { escapeHtml };

export function slug(text: string): string {
  return text.toLowerCase().replace(/<[^>]*>/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'section';
}

const md = new MarkdownIt({ html: true, linkify: true, typographer: false });

md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const inline = tokens[idx + 1];
  if (inline?.type === 'inline' && !tokens[idx].attrGet('id')) tokens[idx].attrSet('id', slug(inline.content));
  return self.renderToken(tokens, idx, options);
};

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = tokens[idx].attrGet('href');
  if (href && !/^[a-z]+:/i.test(href)) tokens[idx].attrSet('href', href.replace(/\.ipynb(?=$|#)/, '.html'));
  return defaultLinkOpen(tokens, idx, options, env, self);
};

const MATH = /(```[\s\S]*?```|`[^`\n]*`)|\$\$([\s\S]+?)\$\$|(?<![\\$\w])\$([^$\n]+?)\$(?![\w$])/g;

/** Renders markdown to HTML, leaving TeX as written. */
export function renderMarkdown(text: string): string {
  const math: string[] = [];
  const guarded = text.replace(MATH, (whole, code: string | undefined, display: string | undefined, inline: string | undefined) => {
    if (code !== undefined) return whole;
    math.push(display !== undefined
      ? `<span class="math display">$$${escapeHtml(display)}$$</span>`
      : `<span class="math inline">$${escapeHtml(inline!)}$</span>`);
    return `MATHTOKEN${math.length - 1}END`;
  });
  return md.render(guarded).replace(/MATHTOKEN(\d+)END/g, (_m, k: string) => math[Number(k)]);
}

/** Headings (level, text, id) of a markdown text, in order. */
export function headings(text: string): { level: number; text: string; id: string }[] {
  const tokens = md.parse(text, {});
  const out: { level: number; text: string; id: string }[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') {
      const content = tokens[i + 1]?.content ?? '';
      out.push({ level: Number(t.tag.slice(1)), text: content.replace(/[`*_]/g, ''), id: slug(content) });
    }
  });
  return out;
}
