// HTML escaping for what the server writes as HTML itself (emails, web-app pages): text from people stays text.

/** Escapes text for element content and quoted attributes, as numeric character references. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
