/**
 * A strict, small XML well-formedness checker for the SVG tests (no parser dependency):
 * one root element, properly nested and closed tags, quoted attributes without duplicates,
 * no raw `<` or stray `&` in text or attribute values, only predefined or numeric entities.
 * Returns the problems found (empty when well-formed) and the element names seen.
 */
export function checkWellFormedXml(xml: string): { problems: string[]; elements: string[] } {
  const problems: string[] = [];
  const elements: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const NAME = /^[A-Za-z_][\w.:-]*/;
  const checkText = (t: string, where: string) => {
    if (t.includes('<')) problems.push(`raw "<" in ${where}`);
    const amps = t.match(/&[^;\s]*;?/g) ?? [];
    for (const a of amps) {
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(a)) problems.push(`bad entity ${JSON.stringify(a)} in ${where}`);
    }
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) return { problems: ['unterminated XML declaration'], elements };
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    const t = xml.slice(i, textEnd);
    if (stack.length === 0 && t.trim() !== '') problems.push(`text outside the root element: ${JSON.stringify(t.trim().slice(0, 20))}`);
    checkText(t, 'text');
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) { problems.push('unterminated comment'); break; }
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) { problems.push('unterminated tag'); break; }
    let tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`closing </${name}> does not match <${open ?? '(nothing)'}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    if (selfClosing) tag = tag.slice(0, -1);
    const m = NAME.exec(tag);
    if (!m) { problems.push(`bad tag <${tag.slice(0, 20)}>`); continue; }
    const name = m[0];
    let rest = tag.slice(name.length);
    const seen = new Set<string>();
    while (rest.trim() !== '') {
      const a = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest);
      if (!a) { problems.push(`bad attributes in <${name}>: ${JSON.stringify(rest.slice(0, 30))}`); break; }
      if (seen.has(a[1])) problems.push(`duplicate attribute ${a[1]} in <${name}>`);
      seen.add(a[1]);
      checkText(a[3] ?? a[4], `attribute ${a[1]} of <${name}>`);
      rest = rest.slice(a[0].length);
    }
    if (stack.length === 0) roots++;
    elements.push(name);
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`expected exactly one root element, found ${roots}`);
  return { problems, elements };
}
