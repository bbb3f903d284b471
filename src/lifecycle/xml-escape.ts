/**
 * Escapes text for XML content and attribute values (the five predefined entities); characters
 * XML 1.0 does not allow at all (most control characters, which names from a file may hold)
 * become U+FFFD, so the SVG stays well-formed.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
