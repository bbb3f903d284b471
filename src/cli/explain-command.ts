import { CliEngine, ObjectExplanation } from './cli-engine';
import { ExitCode, flattenLines, InputError } from './cli-errors';
import { CliIo } from './cli-io';
import { InputFile, openInput, singleInputFile } from './input-files';
import { escapeMarkdown, escapeTerminal, escapeTerminalLines, markdownCode, markdownFence } from './output-escaping';
import { DEFAULT_LIMITS, readManifests, ReadLimits, ReadNotice } from './read/manifest-reader';
import { PodManifest } from '../engine/pod-manifest';

/** Output formats of `explain`. */
export enum ExplainFormat {
  TEXT = 'text',
  JSON = 'json',
  MARKDOWN = 'markdown',
  MERMAID = 'mermaid',
  SVG = 'svg',
}

/** Settings of one `explain` run, parsed and checked by `main`. */
export interface ExplainSettings {
  readonly targetVersion: string;
  readonly format: ExplainFormat;
  /** `Kind/name` or `name`: explain only matching objects. */
  readonly object?: string;
  readonly limits?: ReadLimits;
}

interface Explained {
  readonly object: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly explanation: ObjectExplanation;
}

/**
 * `cdk8s-sidecars explain`: for each pod-bearing object, the engine's lifecycle plan and effective
 * resources, rendered in the chosen format. Streams like `lint`: each object is read, explained,
 * printed and dropped before the next is read, so memory holds one object (a JSON array is
 * written element by element). The CLI only arranges what the engine renders, escaped for the format.
 */
export async function runExplain(input: string, settings: ExplainSettings, io: CliIo, engine: CliEngine): Promise<ExitCode> {
  const limits = settings.limits ?? DEFAULT_LIMITS;
  const { file, remove } = await singleInputFile(io, input, 'explain', limits);
  try {
    return explainFile(input, file, settings, io, engine, limits);
  } finally {
    remove();
  }
}

function explainFile(input: string, file: InputFile, settings: ExplainSettings, io: CliIo, engine: CliEngine, limits: ReadLimits): ExitCode {
  const source = openInput(io, file);
  if (source instanceof InputError) throw source;
  const picture = settings.format === ExplainFormat.MERMAID || settings.format === ExplainFormat.SVG;
  let errors = 0;
  let printed = 0;
  let held: Explained | undefined;
  const matching: string[] = [];
  const available: string[] = [];
  for (const item of readManifests(file.displayName, source, limits)) {
    if (item instanceof InputError || item instanceof ReadNotice) {
      if (item instanceof InputError) errors++;
      io.writeStderr(`${escapeTerminal(item.message)}\n`);
      continue;
    }
    const pod = PodManifest.from(item.manifest);
    if (!pod) continue;
    if (available.length < 20) available.push(pod.displayName);
    if (settings.object !== undefined && !matches(pod, settings.object)) continue;
    matching.push(pod.displayName);
    const pos = item.locator.start();
    let explanation: ObjectExplanation;
    try {
      explanation = engine.explain(withPrintableNames(item.manifest), settings.targetVersion);
    } catch (e) {
      errors++;
      io.writeStderr(`${escapeTerminal(`${item.file}:${pos.line}:${pos.column}: cannot explain ${pod.displayName}: ${flattenLines(e)}`)}\n`);
      continue;
    }
    const e: Explained = { object: pod.displayName, file: item.file, line: pos.line, column: pos.column, explanation };
    if (picture) {
      // One picture: keep the first, and refuse at the end if more objects match.
      held ??= e;
      continue;
    }
    io.writeStdout(render(e, settings.format, printed));
    printed++;
  }
  if (settings.format === ExplainFormat.JSON && printed > 0) io.writeStdout('\n]\n');
  if (picture && matching.length > 1) {
    throw new InputError(input, `--format ${settings.format} prints one picture, but ${matching.length} objects match `
      + `(${shortList(matching)}); choose one with --object KIND/NAME`);
  }
  if (held) {
    const text = settings.format === ExplainFormat.MERMAID ? held.explanation.lifecycleMermaid : held.explanation.lifecycleSvg;
    io.writeStdout(text.endsWith('\n') ? text : `${text}\n`);
    printed++;
  }
  if (errors > 0) return ExitCode.USAGE_OR_INPUT;
  if (printed === 0) {
    const detail = settings.object !== undefined
      ? `no pod-bearing object matches --object '${settings.object}' (found: ${shortList(available) || 'none'})`
      : `holds no pod-bearing object to explain (${PodManifest.KINDS.join(', ')})`;
    throw new InputError(input, detail);
  }
  return ExitCode.OK;
}

/**
 * The renderers print container and object names inside multi-line text; a name holding a line
 * break or a control character (the API server would refuse it, but a file may hold anything)
 * is shown escaped (`a\x0ab`), so it cannot end a line, a code fence or a diagram statement.
 */
function withPrintableNames(manifest: any): any {
  const unsafe = (v: unknown) => typeof v === 'string' && escapeTerminal(v) !== v;
  const pod = PodManifest.from(manifest);
  const lists = ['initContainers', 'containers', 'ephemeralContainers'].map((k) => pod?.podSpec?.[k]).filter(Array.isArray);
  if (!unsafe(manifest?.metadata?.name) && !lists.some((l: any[]) => l.some((c) => unsafe(c?.name)))) return manifest;
  const copy = JSON.parse(JSON.stringify(manifest));
  if (unsafe(copy.metadata?.name)) copy.metadata.name = escapeTerminal(copy.metadata.name);
  const copyPod = PodManifest.from(copy);
  for (const k of ['initContainers', 'containers', 'ephemeralContainers']) {
    const list = copyPod?.podSpec?.[k];
    if (!Array.isArray(list)) continue;
    for (const c of list) if (unsafe(c?.name)) c.name = escapeTerminal(c.name);
  }
  return copy;
}

function matches(pod: PodManifest, selector: string): boolean {
  return selector.includes('/') ? pod.displayName === selector : pod.metadata.name === selector;
}

function shortList(names: string[]): string {
  return names.length > 10 ? `${names.slice(0, 10).join(', ')} and ${names.length - 10} more` : names.join(', ');
}

/** One object in the chosen format; `index` is the number of objects printed before it. */
function render(e: Explained, format: ExplainFormat, index: number): string {
  switch (format) {
    case ExplainFormat.JSON: {
      const element = JSON.stringify({
        object: e.object,
        file: e.file,
        line: e.line,
        column: e.column,
        lifecycle: e.explanation.lifecycleJson,
        resources: e.explanation.resourcesJson,
      }, null, 2).replace(/^/gm, '  ');
      return `${index === 0 ? '[\n' : ',\n'}${element}`;
    }
    case ExplainFormat.MARKDOWN:
      return `${index === 0 ? '' : '\n'}${[
        `## ${escapeMarkdown(e.object)}`,
        '',
        `Source: ${markdownCode(`${e.file}:${e.line}:${e.column}`)}`,
        '',
        '### Lifecycle',
        '',
        markdownFence('mermaid', e.explanation.lifecycleMermaid),
        '',
        markdownFence('text', escapeTerminalLines(e.explanation.lifecycleText)),
        '',
        '### Effective resources',
        '',
        markdownFence('text', escapeTerminalLines(e.explanation.resourcesText)),
        '',
      ].join('\n')}`;
    default:
      return `${index === 0 ? '' : '\n'}${escapeTerminalLines([
        `${e.object} (${e.file}:${e.line}:${e.column})`,
        '',
        e.explanation.lifecycleText.trimEnd(),
        '',
        'EFFECTIVE RESOURCES (per pod, as the scheduler and the kubelet count them)',
        ...e.explanation.resourcesText.trimEnd().split('\n').map((l) => `  ${l}`),
      ].join('\n'))}\n`;
  }
}
