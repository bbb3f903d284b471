import * as path from 'path';
import { Document, isAlias, isMap, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { CliEngine, EngineCheckOptions } from './cli-engine';
import { ExitCode, InputError, oneLine } from './cli-errors';
import { CliIo, resolvePath } from './cli-io';
import { describeFsError, InputFile, openInput, singleInputFile } from './input-files';
import { escapeTerminal, escapeTerminalLines } from './output-escaping';
import { DocumentSplitter, RawDocument, SplitOutput } from './read/document-splitter';
import { isMergeKey, keyOf, parseYaml } from './read/exact-yaml';
import { firstDocument } from './read/first-document';
import { InputDecoder, InputEncoding } from './read/input-decoder';
import { DEFAULT_LIMITS, readDocument, ReadLimits, ReadNotice, SourcedManifest } from './read/manifest-reader';
import { parseFieldPath } from './source-locator';
import { FieldPath } from '../engine/field-path';
import { Finding } from '../engine/finding';
import { formatFinding } from '../engine/finding-format';
import { PodManifest } from '../engine/pod-manifest';
import { Severity } from '../engine/severity';

/** Where `migrate` puts the migrated sidecars in `initContainers`. */
export type MigratePosition = { readonly kind: 'keep' } | { readonly kind: 'first' } | { readonly kind: 'after'; readonly name: string };

/** Settings of one `migrate` run, parsed and checked by `main`. */
export interface MigrateSettings extends EngineCheckOptions {
  /** Names of regular containers to turn into native sidecars, in the order they should start. */
  readonly sidecars: string[];
  /** Output file, or `undefined` for standard output. */
  readonly out?: string;
  /** Default `keep`: after every init container, where the pod keeps its start order. */
  readonly position?: MigratePosition;
  readonly limits?: ReadLimits;
}

/** A pod-bearing object of the input holding at least one of the names. */
interface PodSite {
  readonly manifest: SourcedManifest;
  readonly displayName: string;
  readonly podSpecPath: FieldPath;
  /** Where the document's text starts in the input text. */
  readonly base: number;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly podSpec: YAMLMap;
  readonly containers: YAMLSeq;
  readonly init?: YAMLSeq;
  readonly initPair?: Pair;
  readonly containersPair: Pair;
}

/** One edit of the input text: replace `[from, to)` by `text`. Edits never overlap. */
interface Edit {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

interface Move {
  readonly site: PodSite;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly where: string;
  readonly probes: string[];
}

/**
 * `cdk8s-sidecars migrate`: turns named regular containers into native sidecars (init containers
 * with `restartPolicy: Always`).
 *
 * It edits the text in place rather than re-serialising: every byte outside the moved containers
 * stays (comments, quoting, CRLF line ends, the encoding, other documents; JSON stays JSON). A
 * migrated sidecar goes after the init containers it used to start after (all of them: regular
 * containers start once every init container has), unless `--position` says otherwise. The
 * result is read back and checked with the rules engine before anything is written, and written
 * to a temporary file beside the target that is then renamed over it.
 */
export async function runMigrate(input: string, settings: MigrateSettings, io: CliIo, engine: CliEngine): Promise<ExitCode> {
  const limits = settings.limits ?? DEFAULT_LIMITS;
  const { file, stdin, remove } = await singleInputFile(io, input, 'migrate', limits);
  try {
    if (settings.out !== undefined && !stdin) refuseOutIsInput(io, file, settings.out);
    return migrateFile(file, settings, io, engine, limits);
  } finally {
    remove();
  }
}

/** `--out` must not be the input (directly, through a symbolic link, or as another hard link to it). */
function refuseOutIsInput(io: CliIo, file: InputFile, out: string): void {
  const outAbs = resolvePath(io, out);
  const info = io.stat(outAbs);
  const inInfo = io.stat(file.absolutePath);
  let same = info.kind !== 'missing' && info.id === inInfo.id;
  if (!same && info.kind === 'missing') {
    try {
      same = path.join(io.realpath(path.dirname(outAbs)), path.basename(outAbs)) === io.realpath(file.absolutePath);
    } catch {
      same = false;
    }
  }
  if (same) {
    throw new InputError(out, `--out names the input ${file.displayName}${out === file.displayName ? '' : ' (the same file through a link)'}; migrate never overwrites its input: write to a new file, check it, then rename it`);
  }
}

function migrateFile(file: InputFile, settings: MigrateSettings, io: CliIo, engine: CliEngine, limits: ReadLimits): ExitCode {
  const name = file.displayName;
  const { text, encoding, bom } = readWhole(io, file, limits);
  const problems: string[] = [];

  // Read as lint reads (kubectl's reading), keeping where each document starts in the text.
  const raws: RawDocument[] = [];
  const splitter = new DocumentSplitter(limits.maxDocumentBytes, (out: SplitOutput) => {
    if ('error' in out) problems.push(`${name}:${out.line}:${out.column}: ${out.error}`);
    else raws.push(out);
  });
  splitter.push(text);
  splitter.end();
  const lineStarts = lineStartsOf(text);
  const sites: PodSite[] = [];
  const allPods: Array<{ displayName: string; manifest: any; podSpecPath: FieldPath }> = [];
  raws.forEach((raw, i) => {
    const items = [...readDocument(name, raw, i + 1)];
    const manifests: SourcedManifest[] = [];
    for (const item of items) {
      if (item instanceof InputError) problems.push(item.message);
      else if (!(item instanceof ReadNotice)) manifests.push(item);
    }
    const wanted = manifests.filter((m) => {
      const pod = PodManifest.from(m.manifest);
      if (!pod) return false;
      allPods.push({ displayName: pod.displayName, manifest: m.manifest, podSpecPath: pod.podSpecPath });
      const containers = Array.isArray(pod.podSpec.containers) ? pod.podSpec.containers : [];
      return containers.some((c: any) => settings.sidecars.includes(c?.name));
    });
    if (wanted.length === 0) return;
    const docText = raw.syntax === 'json' ? raw.text : firstDocument(raw.text).text;
    const parsed = parseYaml(docText);
    const base = lineStarts[raw.line - 1] + raw.column - 1;
    for (const m of wanted) {
      const site = siteOf(m, parsed.doc, docText, base);
      if (typeof site === 'string') problems.push(`${name}: ${site}`);
      else sites.push(site);
    }
  });
  if (problems.length > 0) return refuse(io, problems, ExitCode.USAGE_OR_INPUT);

  // Every name must be a regular container somewhere; collect every mismatch before refusing.
  for (const n of settings.sidecars) {
    if (sites.some((s) => indexByName(s.containers, s.doc, n) !== -1)) continue;
    const listOf = (manifest: any, key: string): any[] => {
      const list = PodManifest.from(manifest)!.podSpec[key];
      return Array.isArray(list) ? list : [];
    };
    const inInit = allPods.find((p) => listOf(p.manifest, 'initContainers').some((c: any) => c?.name === n));
    if (inInit) {
      const i = listOf(inInit.manifest, 'initContainers').findIndex((c: any) => c?.name === n);
      problems.push(`${name}: '${n}' is already an init container of ${inInit.displayName} (${inInit.podSpecPath.child('initContainers').index(i)}); migrate moves regular containers only`);
    } else {
      const known = allPods.map((p) => `${p.displayName}: ${listOf(p.manifest, 'containers').map((c: any) => c?.name).filter((x: unknown) => typeof x === 'string').join(', ') || '(none)'}`);
      problems.push(`${name}: no regular container named '${n}' (regular containers: ${known.length > 0 ? known.join('; ') : 'there is no pod-bearing object'})`);
    }
  }
  if (problems.length > 0) return refuse(io, problems, ExitCode.USAGE_OR_INPUT);

  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const edits: Edit[] = [];
  const moves: Move[] = [];
  for (const site of sites) {
    const planned = planSite(site, settings, eol);
    if (typeof planned === 'string') {problems.push(`${name}: ${planned}`);} else {
      edits.push(...planned.edits);
      moves.push(...planned.moves);
    }
  }
  if (problems.length > 0) return refuse(io, problems, ExitCode.USAGE_OR_INPUT);
  const output = applyEdits(text, edits);

  // Refuse if the result holds errors the input did not: migrating must never make things worse.
  const after = new Map<string, any>();
  for (const raw of splitAll(output, limits)) {
    for (const item of readDocument(name, raw, 0)) {
      if (item instanceof InputError) {problems.push(`the result would not read back: ${item.message}`);} else if (!(item instanceof ReadNotice)) {
        const pod = PodManifest.from(item.manifest);
        if (pod) after.set(`${pod.displayName}#${after.size}`, item.manifest);
      }
    }
  }
  if (problems.length > 0) return refuse(io, problems.map((p) => `${name}: ${p}`), ExitCode.USAGE_OR_INPUT);
  const added: string[] = [];
  const afterList = [...after.values()];
  const beforeList = allPods.map((p) => p.manifest);
  for (const site of new Set(moves.map((m) => m.site))) {
    const i = beforeList.indexOf(site.manifest.manifest);
    const before = errorsOf(engine, site.manifest.manifest, settings, site.displayName);
    const now = errorsOf(engine, afterList[i], settings, site.displayName);
    for (const f of newErrors(before, now)) added.push(`${name}: ${site.displayName}: ${formatFinding(f)}`);
  }
  if (added.length > 0) {
    io.writeStderr(`cdk8s-sidecars migrate: refused: the result would add ${added.length} error${added.length === 1 ? '' : 's'}; nothing was written\n`);
    added.forEach((line) => io.writeStderr(`  ${escapeTerminal(line)}\n`));
    return ExitCode.FINDINGS;
  }

  const bytes = encode(output, encoding, bom);
  if (settings.out !== undefined) writeAtomically(io, resolvePath(io, settings.out), settings.out, bytes);
  else io.writeStdout(output);
  io.writeStderr(escapeTerminalLines(summary(name, moves, settings.out)));
  return ExitCode.OK;
}

/** The whole input as text, with what is needed to write it back byte for byte. */
function readWhole(io: CliIo, file: InputFile, limits: ReadLimits): { text: string; encoding: InputEncoding; bom: boolean } {
  const source = openInput(io, file);
  if (source instanceof InputError) throw source;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (let b = source.read(1024 * 1024); b.length > 0; b = source.read(1024 * 1024)) {
      size += b.length;
      if (size > limits.maxInputBytes) throw new InputError(file.displayName, `is larger than the limit of ${limits.maxInputBytes} bytes (raise it with --max-input-size)`);
      chunks.push(b);
    }
  } finally {
    source.close();
  }
  const bytes = Buffer.concat(chunks);
  const decoder = new InputDecoder();
  let text: string;
  try {
    text = decoder.decode(bytes, true);
  } catch (e) {
    throw new InputError(file.displayName, oneLine(e));
  }
  const encoding = decoder.detected ?? 'utf-8';
  const bom = bytes.length >= 2 && (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe);
  // Byte for byte: the text must encode back to exactly the input, or an edit would change bytes it did not touch.
  if (!encode(text, encoding, bom).equals(bytes)) {
    throw new InputError(file.displayName, `holds bytes that are not valid ${encoding.toUpperCase()} text; migrate keeps every byte it does not change, so fix the encoding first`);
  }
  return { text, encoding, bom };
}

function encode(text: string, encoding: InputEncoding, bom: boolean): Buffer {
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf-8') : encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
  if (!bom) return body;
  const mark = encoding === 'utf-8' ? [0xef, 0xbb, 0xbf] : encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([Buffer.from(mark), body]);
}

/** Writes beside the target, then renames over it: a reader never sees half a file, and a failed write leaves the target as it was. */
function writeAtomically(io: CliIo, abs: string, shown: string, bytes: Buffer): void {
  let temp;
  try {
    temp = io.createTempFile(path.dirname(abs));
  } catch (e) {
    throw new InputError(shown, `cannot write beside it: ${describeFsError(e)}`);
  }
  try {
    temp.write(bytes);
    temp.close();
    io.rename(temp.path, abs);
  } catch (e) {
    temp.remove();
    throw new InputError(shown, `cannot write: ${describeFsError(e)}`);
  }
}

function splitAll(text: string, limits: ReadLimits): RawDocument[] {
  const raws: RawDocument[] = [];
  const s = new DocumentSplitter(limits.maxDocumentBytes, (o) => {
    if (!('error' in o)) raws.push(o);
  });
  s.push(text);
  s.end();
  return raws;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Finds the pod spec's nodes of one object in the document's syntax tree. */
function siteOf(m: SourcedManifest, doc: Document.Parsed, text: string, base: number): PodSite | string {
  const pod = PodManifest.from(m.manifest)!;
  const steps = [...(m.listIndex === undefined ? [] : ['items', String(m.listIndex)]), ...parseFieldPath(pod.podSpecPath.toString()).map((s) => s.name)];
  let node: unknown = doc.contents;
  for (const step of steps) {
    if (isAlias(node)) return `${pod.displayName}: its pod spec is written through a YAML alias (*${node.source}); migrate edits only what is written in place`;
    if (isSeq(node)) node = node.items[Number(step)];
    else if (isMap(node)) node = lastPair(doc, node, step)?.value;
    else node = undefined;
  }
  if (!isMap(node)) return `${pod.displayName}: its pod spec is not a mapping written in place; migrate cannot edit it`;
  if (node.items.some((p) => isMergeKey(p.key))) return `${pod.displayName}: its pod spec uses a YAML merge key (<<); migrate edits only what is written in place`;
  const containersPair = lastPair(doc, node, 'containers');
  if (!containersPair || !isSeq(containersPair.value)) return `${pod.displayName}: its containers list is written through a YAML alias or is not a list; migrate edits only lists written in place`;
  const initPair = lastPair(doc, node, 'initContainers');
  if (initPair && initPair.value !== null && !isSeq(initPair.value)) return `${pod.displayName}: its initContainers is written through a YAML alias or is not a list; migrate edits only lists written in place`;
  return {
    manifest: m,
    displayName: pod.displayName,
    podSpecPath: pod.podSpecPath,
    base,
    text,
    doc,
    podSpec: node,
    containers: containersPair.value,
    containersPair,
    initPair,
    init: isSeq(initPair?.value) ? initPair!.value : undefined,
  };
}

function lastPair(doc: Document, map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const p of map.items) if (keyOf(doc, p.key) === key) found = p;
  return found;
}

function indexByName(seq: YAMLSeq | undefined, doc: Document, n: string): number {
  if (!seq) return -1;
  return seq.items.findIndex((item) => isMap(item) && valueOf(doc, lastPair(doc, item, 'name')?.value) === n);
}

function valueOf(doc: Document, node: unknown): unknown {
  const target = isAlias(node) ? node.resolve(doc) : node;
  return isScalar(target) ? target.value : undefined;
}

/** The edits that move the named containers of one pod, or why they cannot be made. */
function planSite(site: PodSite, settings: MigrateSettings, eol: string): { edits: Edit[]; moves: Move[] } | string {
  const { doc, text, containers, init } = site;
  const wanted = settings.sidecars.filter((n) => indexByName(containers, doc, n) !== -1);
  if (wanted.length >= containers.items.length) {
    return `moving ${wanted.map((n) => `'${n}'`).join(', ')} would leave ${site.displayName} without a regular container `
      + `(${site.podSpecPath.child('containers')}: a pod needs at least one); keep the application container regular`;
  }
  const initNames = (init?.items ?? []).map((item) => (isMap(item) ? valueOf(doc, lastPair(doc, item, 'name')?.value) : undefined));
  const position = settings.position ?? { kind: 'keep' };
  let at: number;
  let where: string;
  if (position.kind === 'first') {
    at = 0;
    where = initNames.length === 0 ? 'as the first init container' : `first (--position first: it now starts before ${quoteList(initNames)})`;
  } else if (position.kind === 'after') {
    const i = initNames.indexOf(position.name);
    if (i === -1) return `--position after=${position.name}: ${site.displayName} has no init container named '${position.name}' (init containers: ${initNames.length > 0 ? quoteList(initNames) : 'none'})`;
    at = i + 1;
    where = `after '${position.name}' (--position after=${position.name})`;
  } else {
    at = initNames.length;
    where = initNames.length === 0
      ? 'as the only init container'
      : `after ${quoteList(initNames)} (it started after every init container as a regular container, and still does)`;
  }

  const flowContainers = containers.flow === true;
  const moved: Moved[] = [];
  const edits: Edit[] = [];
  const moves: Move[] = [];
  wanted.forEach((n, k) => {
    const index = indexByName(containers, doc, n);
    const item = containers.items[index] as YAMLMap;
    const block = flowContainers ? flowItem(text, containers, index) : blockItem(text, containers, index);
    edits.push({ from: site.base + block.removeFrom, to: site.base + block.removeTo, text: '' });
    moved.push({ text: withRestartPolicyAlways(text, doc, item, block, eol), dashColumn: block.dashColumn });
    moves.push({
      site,
      name: n,
      from: site.podSpecPath.child('containers').index(index).toString(),
      to: site.podSpecPath.child('initContainers').index(at + k).toString(),
      where,
      probes: ['startupProbe', 'readinessProbe', 'livenessProbe'].filter((p) => lastPair(doc, item, p) !== undefined),
    });
  });
  const insert = insertion(site, at, moved, flowContainers, eol);
  if (typeof insert === 'string') return insert;
  edits.push(...insert);
  return { edits, moves };
}

/** A container's text on its way to initContainers, and the column of its `-` (block lists). */
interface Moved {
  readonly text: string;
  readonly dashColumn: number;
}

interface ItemText {
  /** The item's text as it will be inserted (lines with their line ends, or a flow item). */
  readonly text: string;
  /** Offset of `text` in the document text. */
  readonly start: number;
  /** What to remove from the containers list. */
  readonly removeFrom: number;
  readonly removeTo: number;
  /** Column of the `-` indicator (block lists). */
  readonly dashColumn: number;
}

/** A block list item with the comment lines right above it, as whole lines. */
function blockItem(text: string, seq: YAMLSeq, index: number): ItemText {
  const item = seq.items[index] as Node;
  const dash = text.lastIndexOf('-', item.range![0]);
  let start = text.lastIndexOf('\n', dash) + 1;
  const dashColumn = dash - start;
  // Comment lines directly above belong to the item (they move with it).
  while (start > 0) {
    const prevStart = text.lastIndexOf('\n', start - 2) + 1;
    const line = text.slice(prevStart, start);
    if (!/^\s*#/.test(line) || line.search(/\S/) < dashColumn) break;
    start = prevStart;
  }
  const next = seq.items[index + 1] as Node | undefined;
  let end: number;
  if (next) {
    // Up to the next item's line (and its own comments stay with it).
    const nextDash = text.lastIndexOf('-', next.range![0]);
    end = text.lastIndexOf('\n', nextDash) + 1;
    while (end > 0) {
      const prevStart = text.lastIndexOf('\n', end - 2) + 1;
      const line = text.slice(prevStart, end);
      if (!/^\s*#/.test(line) || line.search(/\S/) < dashColumn || prevStart <= dash) break;
      end = prevStart;
    }
  } else {
    const valueEnd = item.range![1];
    const nl = text.indexOf('\n', Math.max(valueEnd - 1, dash));
    end = nl === -1 ? text.length : nl + 1;
  }
  return { text: text.slice(start, end), start, removeFrom: start, removeTo: end, dashColumn };
}

/** A flow list item (`[a, {name: b}]`, JSON) and the comma that separates it. */
function flowItem(text: string, seq: YAMLSeq, index: number): ItemText {
  const item = seq.items[index] as Node;
  const [s, e] = [item.range![0], item.range![1]];
  let removeFrom = s;
  let removeTo = e;
  const after = /^\s*,\s*/.exec(text.slice(e));
  if (after && index < seq.items.length - 1) {
    removeTo = e + after[0].length;
  } else {
    const before = /,\s*$/.exec(text.slice(0, s));
    if (before) removeFrom = s - before[0].length;
  }
  return { text: text.slice(s, e), start: s, removeFrom, removeTo, dashColumn: -1 };
}

/** The item's text with `restartPolicy: Always`: replaced where it is set, else added after `image` (or `name`). */
function withRestartPolicyAlways(text: string, doc: Document, item: YAMLMap, block: ItemText, eol: string): string {
  const local = (offset: number) => offset - block.start;
  let t = block.text;
  const existing = lastPair(doc, item, 'restartPolicy');
  const json = isScalar(item.items[0]?.key) && (item.items[0].key as any).type === 'QUOTE_DOUBLE';
  if (existing && isScalar(existing.value) && existing.value.range) {
    const [s, e] = existing.value.range;
    const quote = existing.value.type === 'QUOTE_DOUBLE' ? '"' : existing.value.type === 'QUOTE_SINGLE' ? "'" : '';
    return t.slice(0, local(s)) + `${quote}Always${quote}` + t.slice(local(e));
  }
  const anchor = lastPair(doc, item, 'image') ?? lastPair(doc, item, 'name');
  const valueEnd = (anchor?.value as Node | undefined)?.range?.[1] ?? (anchor?.key as Node | undefined)?.range?.[1] ?? item.range![1];
  if (item.flow) {
    const pair = json ? '"restartPolicy": "Always"' : 'restartPolicy: Always';
    if (!anchor) return t.slice(0, local(item.range![0]) + 1) + `${pair}, ` + t.slice(local(item.range![0]) + 1);
    return t.slice(0, local(valueEnd)) + `, ${pair}` + t.slice(local(valueEnd));
  }
  // Block mapping: a line of its own at the keys' indentation, after the line the anchor value ends on.
  const keyStart = (item.items[0].key as Node).range![0];
  const column = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const nl = text.indexOf('\n', Math.max(valueEnd - 1, keyStart));
  const lineEnd = nl === -1 ? block.start + block.text.length : nl + 1;
  const line = `${' '.repeat(column)}restartPolicy: Always${eol}`;
  const cut = Math.min(local(lineEnd), t.length);
  const needsBreak = cut === t.length && !t.endsWith('\n');
  return t.slice(0, cut) + (needsBreak ? eol : '') + line + t.slice(cut);
}

/** Where and how the moved items go into `initContainers` (creating it when absent). */
function insertion(site: PodSite, at: number, moved: Moved[], flowContainers: boolean, eol: string): Edit[] | string {
  const { text, base, init, containers, podSpec } = site;
  const json = (site.containersPair.key as any).type === 'QUOTE_DOUBLE';
  const asBlock = (dashColumn: number) => moved.map((m) => (flowContainers ? `${' '.repeat(dashColumn)}- ${m.text}${eol}` : reindent(m.text, m.dashColumn, dashColumn))).join('');
  const asFlow = () => moved.map((m) => m.text).join(', ');
  const lineAfter = (offset: number) => {
    const nl = text.indexOf('\n', offset);
    return nl === -1 ? text.length : nl + 1;
  };
  const atEnd = (offset: number, body: string) => (offset === text.length && !text.endsWith('\n') ? eol + body : body);
  // Sibling keys of the pod spec share an indentation, so a new list takes the containers' `-` column.
  const dash = flowContainers ? indentOf(text, (site.containersPair.key as Node).range![0]) : blockItem(text, containers, 0).dashColumn;

  if (init && init.items.length > 0 && !init.flow) {
    const initDash = blockItem(text, init, 0).dashColumn;
    const offset = at < init.items.length ? blockItem(text, init, at).removeFrom : blockItem(text, init, init.items.length - 1).removeTo;
    return [{ from: base + offset, to: base + offset, text: atEnd(offset, asBlock(initDash)) }];
  }
  if (init && init.flow) {
    if (flowContainers) {
      if (init.items.length === 0) {
        const open = text.indexOf('[', init.range![0]);
        return [{ from: base + open + 1, to: base + open + 1, text: asFlow() }];
      }
      const ref = init.items[Math.min(at, init.items.length - 1)] as Node;
      return at < init.items.length
        ? [{ from: base + ref.range![0], to: base + ref.range![0], text: `${asFlow()}, ` }]
        : [{ from: base + ref.range![1], to: base + ref.range![1], text: `, ${asFlow()}` }];
    }
    if (init.items.length > 0) {
      return `${site.displayName}: initContainers is a flow list ([...]) and the containers a block list; write initContainers as a block list first`;
    }
    // `initContainers: []` becomes a block list holding the moved containers.
    const keyEnd = (site.initPair!.key as Node).range![1];
    const after = lineAfter(init.range![1]);
    return [
      { from: base + keyEnd, to: base + init.range![1], text: ':' },
      { from: base + after, to: base + after, text: atEnd(after, asBlock(dash)) },
    ];
  }
  if (podSpec.flow || flowContainers) {
    if (!flowContainers) return `${site.displayName}: the pod spec is a flow mapping ({...}) holding a block containers list; migrate cannot place initContainers in it`;
    if (site.initPair) {
      const keyEnd = (site.initPair.key as Node).range![1];
      return [{ from: base + keyEnd, to: base + keyEnd, text: `: [${asFlow()}]` }];
    }
    const key = json ? '"initContainers"' : 'initContainers';
    return [{ from: base + containers.range![1], to: base + containers.range![1], text: `, ${key}: [${asFlow()}]` }];
  }
  if (site.initPair) {
    // `initContainers:` with no value: the list goes under it.
    const after = lineAfter((site.initPair.key as Node).range![1]);
    return [{ from: base + after, to: base + after, text: atEnd(after, asBlock(dash)) }];
  }
  const keyColumn = indentOf(text, (site.containersPair.key as Node).range![0]);
  const offset = blockItem(text, containers, containers.items.length - 1).removeTo;
  return [{ from: base + offset, to: base + offset, text: atEnd(offset, `${' '.repeat(keyColumn)}initContainers:${eol}${asBlock(dash)}`) }];
}

function indentOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Shifts whole lines from one indentation of the `-` to another. */
function reindent(block: string, from: number, to: number): string {
  if (from === to) return block;
  return block.split(/(?<=\n)/).map((line) => {
    if (line.trim() === '') return line;
    if (to > from) return ' '.repeat(to - from) + line;
    const remove = Math.min(from - to, line.search(/\S|$/));
    return line.slice(remove);
  }).join('');
}

function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.from) + e.text;
    at = Math.max(at, e.to);
  }
  return out + text.slice(at);
}

function errorsOf(engine: CliEngine, manifest: any, settings: EngineCheckOptions, displayName: string): Finding[] {
  try {
    return engine.check(manifest, [], settings).findings.filter((f) => f.severity === Severity.ERROR);
  } catch (e) {
    throw new InputError(displayName, `the rules engine could not check it: ${oneLine(e)}`);
  }
}

/**
 * Errors of the result that the input did not have. Paths move with the containers, so errors are
 * compared per rule: a rule whose error count grew has added the extra findings.
 */
function newErrors(before: Finding[], after: Finding[]): Finding[] {
  const count = (list: Finding[]) => list.reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map<string, number>());
  const was = count(before);
  const now = count(after);
  return after.filter((f) => (now.get(f.ruleId) ?? 0) > (was.get(f.ruleId) ?? 0));
}

function quoteList(names: unknown[]): string {
  return names.map((n) => `'${String(n)}'`).join(', ');
}

function refuse(io: CliIo, problems: string[], code: ExitCode): ExitCode {
  problems.forEach((p) => io.writeStderr(`${escapeTerminal(p)}\n`));
  return code;
}

function summary(name: string, moves: Move[], out: string | undefined): string {
  const lines = [`migrated ${name}${out !== undefined ? ` -> ${out}` : ''}:`];
  for (const m of moves) {
    const probes = m.probes.length > 0 ? `; kept ${m.probes.join(', ')}` : '';
    lines.push(`  ${m.site.displayName}: moved container '${m.name}' from ${m.from} to ${m.to}, ${m.where}; set restartPolicy: Always${probes}`);
  }
  return `${lines.join('\n')}\n`;
}
