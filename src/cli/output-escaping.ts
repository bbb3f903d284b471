/**
 * Escaping of text that comes from the input (file names, object and container names, values)
 * for each output format, so that no input can change what the output means: move a terminal's
 * cursor or colours, forge a GitHub workflow command, open a Markdown link or heading, end a
 * Mermaid statement, or inject SVG/XML (the lifecycle renderers escape their own SVG and Mermaid).
 */

/**
 * Control characters (C0, DEL, C1), line and paragraph separators and bidirectional-text
 * controls (which can make a terminal show text in another order than it is), shown as escapes.
 */
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** For text output on a terminal or in a log: every unsafe character as `\xNN` or `\u{NNNN}`. */
export function escapeTerminal(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** `escapeTerminal` for each line of a multi-line text, keeping its line breaks. */
export function escapeTerminalLines(s: string): string {
  return s.split('\n').map(escapeTerminal).join('\n');
}

/**
 * GitHub Actions workflow commands (actions/toolkit `command.ts`): the message escapes `%`, CR
 * and LF; property values also `:` and `,`. Other control characters are shown escaped first, so
 * nothing reaches the runner's log raw.
 */
export function escapeGithubData(s: string): string {
  return escapeTerminal(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Markdown text outside code (headings, table cells): every character with a Markdown meaning is escaped. */
export function escapeMarkdown(s: string): string {
  return escapeTerminal(s).replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

/** An inline code span that holds `s` whatever backticks it contains. */
export function markdownCode(s: string): string {
  const text = escapeTerminal(s);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block that no line of `body` can close early. */
export function markdownFence(info: string, body: string): string {
  const longest = Math.max(2, ...(body.match(/^ {0,3}`{3,}/gm) ?? []).map((r) => r.trim().length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${body.replace(/\n$/, '')}\n${fence}`;
}
