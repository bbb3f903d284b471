import { Document, isMap, isScalar, isSeq, Pair, parseAllDocuments, Scalar, ToStringOptions, YAMLMap, YAMLSeq } from 'yaml';
import { CliEngine, EngineCheckOptions } from './cli-engine';
import { ExitCode, InputError, oneLine } from './cli-errors';
import { CliIo, resolvePath } from './cli-io';
import { expandInputs, readInputText } from './input-files';
import { mappingKeyProblem, MAX_ALIAS_COUNT, nestingProblem } from './manifest-stream';
import { FieldPath } from '../engine/field-path';
import { Finding } from '../engine/finding';
import { formatFinding } from '../engine/finding-format';
import { PodManifest } from '../engine/pod-manifest';
import { Severity } from '../engine/severity';
import { isObject } from '../engine/wire-types';

/** Settings of one `migrate` run, parsed and checked by `main`. */
export interface MigrateSettings extends EngineCheckOptions {
  /** Names of regular containers to turn into native sidecars, in the order they should start. */
  readonly sidecars: string[];
  /** Output file, or `undefined` for standard output. */
  readonly out?: string;
}

/** A pod-bearing object of the input, found in the YAML AST. */
interface PodSite {
  readonly doc: Document.Parsed;
  /** Keys from the document root to the object (`[]`, or `['items', 3]` inside a List). */
  readonly objectKeys: Array<string | number>;
  readonly displayName: string;
  readonly podSpecPath: FieldPath;
  readonly podSpecNode: YAMLMap;
}

/** One container moved, for the summary. */
interface Move {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly probes: string[];
}

/**
 * `cdk8s-sidecars migrate`: moves named regular containers to the front of `initContainers`
 * with `restartPolicy: Always`.
 *
 * It edits the YAML Document AST in place rather than re-serialising plain JSON, so comments,
 * key order, quoting, flow lists and document order survive; only the moved containers change.
 * The result is checked with the rules engine before anything is written.
 */
export async function runMigrate(input: string, settings: MigrateSettings, io: CliIo, engine: CliEngine): Promise<ExitCode> {
  const expanded = expandInputs(io, [input]);
  if (expanded.errors.length > 0) throw expanded.errors[0];
  if (expanded.files.length !== 1) {
    throw new InputError(input, `migrate takes one file, and this directory holds ${expanded.files.length}; migrate them one at a time`);
  }
  const file = expanded.files[0];
  const text = await readInputText(io, file);
  const name = file.displayName;

  const deep = nestingProblem(text);
  if (deep) throw new InputError(name, deep);
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    throw new InputError(name, `cannot parse: ${oneLine(e)}`);
  }
  if (!Array.isArray(parsed)) {
    throw new InputError(name, 'holds no YAML document to migrate');
  }
  const docs = parsed as Document.Parsed[];
  const problems: string[] = [];
  for (const doc of docs) {
    for (const err of doc.errors) problems.push(`${name}:${lineCol(text, err.pos[0])}: YAML syntax error: ${oneLine(err.message)}`);
    const keyProblem = mappingKeyProblem(doc);
    if (keyProblem) problems.push(`${name}:${lineCol(text, keyProblem.offset)}: YAML ${keyProblem.message}`);
  }
  if (problems.length > 0) return refuse(io, problems, ExitCode.USAGE_OR_INPUT);

  // Find every pod-bearing object and, before changing anything, the engine's errors on it.
  const sites: PodSite[] = [];
  for (const doc of docs) {
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      problems.push(`${name}:${lineCol(text, doc.range?.[0] ?? 0)}: cannot read document: ${oneLine(e)}`);
      continue;
    }
    if (!isObject(js)) continue;
    const objects: Array<{ keys: Array<string | number>; manifest: unknown }> = Array.isArray(js.items) && typeof js.kind === 'string' && js.kind.endsWith('List')
      ? js.items.map((manifest: unknown, i: number) => ({ keys: ['items', i], manifest }))
      : [{ keys: [], manifest: js }];
    for (const o of objects) {
      const pod = PodManifest.from(o.manifest);
      if (!pod) continue;
      const podSpecNode = doc.getIn([...o.keys, ...stepsOf(pod.podSpecPath)], true);
      if (!isMap(podSpecNode)) continue;
      sites.push({ doc, objectKeys: o.keys, displayName: pod.displayName, podSpecPath: pod.podSpecPath, podSpecNode });
    }
  }
  if (problems.length > 0) return refuse(io, problems, ExitCode.USAGE_OR_INPUT);

  // Every name must be a regular container somewhere; collect every mismatch before refusing.
  const found = new Set<string>();
  for (const site of sites) {
    for (const n of settings.sidecars) if (indexByName(site.podSpecNode.get('containers', true), n) !== -1) found.add(n);
  }
  for (const n of settings.sidecars) {
    if (found.has(n)) continue;
    const inInit = sites.find((s) => indexByName(s.podSpecNode.get('initContainers', true), n) !== -1);
    if (inInit) {
      const i = indexByName(inInit.podSpecNode.get('initContainers', true), n);
      problems.push(`${name}: '${n}' is already an init container of ${inInit.displayName} (${inInit.podSpecPath.child('initContainers').index(i)}); migrate moves regular containers only`);
    } else {
      const known = sites.map((s) => `${s.displayName}: ${namesOf(s.podSpecNode.get('containers', true)).join(', ') || '(none)'}`);
      problems.push(`${name}: no regular container named '${n}' (regular containers: ${known.length > 0 ? known.join('; ') : 'there is no pod-bearing object'})`);
    }
  }
  if (problems.length > 0) return refuse(io, problems, ExitCode.USAGE_OR_INPUT);

  const before = sites.map((s) => errorsOf(engine, s, settings));
  const formatting = chooseFormatting(docs, text);
  const movesBySite: Move[][] = [];
  for (const site of sites) {
    const moves = migrateSite(site, settings.sidecars);
    if (moves instanceof Error) {
      problems.push(`${name}: ${moves.message}`);
      movesBySite.push([]);
    } else {
      movesBySite.push(moves);
    }
  }
  if (problems.length > 0) return refuse(io, problems, ExitCode.USAGE_OR_INPUT);

  // Refuse if the result holds errors the input did not: migrating must never make things worse.
  const added: string[] = [];
  sites.forEach((site, i) => {
    if (movesBySite[i].length === 0) return;
    const after = errorsOf(engine, site, settings);
    for (const f of newErrors(before[i], after)) added.push(`${name}: ${site.displayName}: ${formatFinding(f)}`);
  });
  if (added.length > 0) {
    io.writeStderr(`cdk8s-sidecars migrate: refused: the result would add ${added.length} error${added.length === 1 ? '' : 's'}; nothing was written\n`);
    added.forEach((line) => io.writeStderr(`  ${line}\n`));
    return ExitCode.FINDINGS;
  }

  const output = docs.map((d) => d.toString(formatting)).join('');
  if (settings.out !== undefined) {
    try {
      io.writeFile(resolvePath(io, settings.out), output);
    } catch (e) {
      throw new InputError(settings.out, `cannot write: ${oneLine(e)}`);
    }
  } else {
    io.writeStdout(output);
  }
  io.writeStderr(summary(name, sites, movesBySite, settings.out));
  return ExitCode.OK;
}

/** Moves the named containers of one pod; returns what moved, or an Error if the pod would break. */
function migrateSite(site: PodSite, names: string[]): Move[] | Error {
  const containers = site.podSpecNode.get('containers', true);
  if (!isSeq(containers)) return [];
  const wanted = names.filter((n) => indexByName(containers, n) !== -1);
  if (wanted.length === 0) return [];
  if (wanted.length >= containers.items.length) {
    return new Error(`moving ${wanted.map((n) => `'${n}'`).join(', ')} would leave ${site.displayName} without a regular container `
      + `(${site.podSpecPath.child('containers')}: a pod needs at least one); keep the application container regular`);
  }
  const moves: Move[] = [];
  const moved: YAMLMap[] = [];
  const originalIndexes = new Map<string, number>(wanted.map((n) => [n, indexByName(containers, n)]));
  for (const n of wanted) {
    const item = containers.items.splice(indexByName(containers, n), 1)[0] as YAMLMap;
    setRestartPolicyAlways(item);
    moved.push(item);
  }
  let init: unknown = site.podSpecNode.get('initContainers', true);
  if (!isSeq(init)) {
    const seq = new YAMLSeq();
    // Place `initContainers` right after `containers` (as the Kubernetes docs' examples do): the
    // moved containers then stay where they were in the text and the diff is two lines per move.
    const existing = site.podSpecNode.items.findIndex((p) => isScalar(p.key) && p.key.value === 'initContainers');
    if (existing !== -1) site.podSpecNode.items.splice(existing, 1);
    const at = site.podSpecNode.items.findIndex((p) => isScalar(p.key) && p.key.value === 'containers');
    site.podSpecNode.items.splice(at === -1 ? site.podSpecNode.items.length : at + 1, 0, new Pair(new Scalar('initContainers'), seq));
    init = seq;
  }
  const initSeq = init as YAMLSeq;
  if (initSeq.flow && initSeq.items.length === 0) initSeq.flow = false;
  initSeq.items.splice(0, 0, ...moved);
  moved.forEach((item, i) => {
    const n = wanted[i];
    moves.push({
      name: n,
      from: site.podSpecPath.child('containers').index(originalIndexes.get(n)!).toString(),
      to: site.podSpecPath.child('initContainers').index(i).toString(),
      probes: ['startupProbe', 'readinessProbe', 'livenessProbe'].filter((p) => item.has(p)),
    });
  });
  return moves;
}

/** Sets `restartPolicy: Always` right after `image` (where the Kubernetes docs put it), or updates it in place. */
function setRestartPolicyAlways(container: YAMLMap): void {
  const existing = container.items.find((p) => isScalar(p.key) && p.key.value === 'restartPolicy');
  if (existing) {
    existing.value = new Scalar('Always');
    return;
  }
  const after = ['image', 'name'].map((k) => container.items.findIndex((p) => isScalar(p.key) && p.key.value === k)).find((i) => i !== -1);
  container.items.splice(after === undefined ? container.items.length : after + 1, 0, new Pair(new Scalar('restartPolicy'), new Scalar('Always')));
}

function errorsOf(engine: CliEngine, site: PodSite, settings: EngineCheckOptions): Finding[] {
  const manifest = site.objectKeys.length === 0
    ? site.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    : site.doc.getIn(site.objectKeys, true);
  const plain = site.objectKeys.length === 0 ? manifest : (manifest as any)?.toJS?.(site.doc, { maxAliasCount: MAX_ALIAS_COUNT });
  try {
    return engine.check(plain, [], settings).findings.filter((f) => f.severity === Severity.ERROR);
  } catch (e) {
    throw new InputError(site.displayName, `the rules engine could not check it: ${oneLine(e)}`);
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

/**
 * Chooses the serialisation closest to the input (indented or flush sequences, padded flow lists),
 * so the output differs from it only where containers moved. Never folds long lines.
 */
function chooseFormatting(docs: Document.Parsed[], original: string): ToStringOptions {
  const candidates: ToStringOptions[] = [];
  for (const indentSeq of [false, true]) {
    for (const flowCollectionPadding of [false, true]) candidates.push({ indentSeq, flowCollectionPadding, lineWidth: 0 });
  }
  const originalLines = multiset(original.split('\n'));
  let best = candidates[0];
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = distance(originalLines, multiset(docs.map((d) => d.toString(c)).join('').split('\n')));
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function multiset(lines: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

function distance(a: Map<string, number>, b: Map<string, number>): number {
  let d = 0;
  for (const [k, n] of a) d += Math.abs(n - (b.get(k) ?? 0));
  for (const [k, n] of b) if (!a.has(k)) d += n;
  return d;
}

function indexByName(list: unknown, containerName: string): number {
  if (!isSeq(list)) return -1;
  return list.items.findIndex((item) => isMap(item) && scalarValue(item.get('name', true)) === containerName);
}

function namesOf(list: unknown): string[] {
  if (!isSeq(list)) return [];
  return list.items.map((item) => (isMap(item) ? scalarValue(item.get('name', true)) : undefined)).filter((n): n is string => typeof n === 'string');
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

function stepsOf(path: FieldPath): string[] {
  return path.steps();
}

function lineCol(text: string, offset: number): string {
  const upTo = text.slice(0, offset);
  const line = upTo.split('\n').length;
  return `${line}:${offset - upTo.lastIndexOf('\n')}`;
}

function refuse(io: CliIo, problems: string[], code: ExitCode): ExitCode {
  problems.forEach((p) => io.writeStderr(`${p}\n`));
  return code;
}

function summary(name: string, sites: PodSite[], movesBySite: Move[][], out: string | undefined): string {
  const lines = [`migrated ${name}${out !== undefined ? ` -> ${out}` : ''}:`];
  sites.forEach((site, i) => {
    for (const m of movesBySite[i]) {
      const probes = m.probes.length > 0 ? `; kept ${m.probes.join(', ')}` : '';
      lines.push(`  ${site.displayName}: moved container '${m.name}' from ${m.from} to ${m.to} and set restartPolicy: Always${probes}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
