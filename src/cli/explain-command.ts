import { CliEngine, ObjectExplanation } from './cli-engine';
import { ExitCode, flattenLines, InputError, oneLine } from './cli-errors';
import { CliIo } from './cli-io';
import { expandInputs, readInputText } from './input-files';
import { readManifests } from './manifest-stream';
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
 * resources, rendered in the chosen format. The CLI only arranges what the engine renders.
 */
export async function runExplain(input: string, settings: ExplainSettings, io: CliIo, engine: CliEngine): Promise<ExitCode> {
  const expanded = expandInputs(io, [input]);
  if (expanded.errors.length > 0) throw expanded.errors[0];
  const errors: InputError[] = [];
  const explained: Explained[] = [];
  const available: string[] = [];
  for (const file of expanded.files) {
    let text: string;
    try {
      text = await readInputText(io, file);
    } catch (e) {
      errors.push(e instanceof InputError ? e : new InputError(file.displayName, oneLine(e)));
      continue;
    }
    for (const item of readManifests(file.displayName, text)) {
      if (item instanceof InputError) {
        errors.push(item);
        continue;
      }
      const pod = PodManifest.from(item.manifest);
      if (!pod) continue;
      available.push(pod.displayName);
      if (settings.object !== undefined && !matches(pod, settings.object)) continue;
      const pos = item.locator.start();
      try {
        explained.push({
          object: pod.displayName,
          file: item.file,
          line: pos.line,
          column: pos.column,
          explanation: engine.explain(item.manifest, settings.targetVersion),
        });
      } catch (e) {
        errors.push(new InputError(`${item.file}:${pos.line}:${pos.column}`, `cannot explain ${pod.displayName}: ${flattenLines(e)}`));
      }
    }
  }
  errors.forEach((e) => io.writeStderr(`${e.message}\n`));
  if (errors.length > 0) return ExitCode.USAGE_OR_INPUT;

  if (explained.length === 0) {
    const detail = settings.object !== undefined
      ? `no pod-bearing object matches --object '${settings.object}' (found: ${available.join(', ') || 'none'})`
      : `holds no pod-bearing object to explain (${PodManifest.KINDS.join(', ')})`;
    throw new InputError(input, detail);
  }
  const single = settings.format === ExplainFormat.MERMAID || settings.format === ExplainFormat.SVG;
  if (single && explained.length > 1) {
    throw new InputError(input, `--format ${settings.format} prints one picture, but ${explained.length} objects match `
      + `(${explained.map((e) => e.object).join(', ')}); choose one with --object KIND/NAME`);
  }
  io.writeStdout(render(explained, settings.format));
  return ExitCode.OK;
}

function matches(pod: PodManifest, selector: string): boolean {
  return selector.includes('/') ? pod.displayName === selector : pod.metadata.name === selector;
}

function render(list: Explained[], format: ExplainFormat): string {
  switch (format) {
    case ExplainFormat.MERMAID:
      return ensureNewline(list[0].explanation.lifecycleMermaid);
    case ExplainFormat.SVG:
      return ensureNewline(list[0].explanation.lifecycleSvg);
    case ExplainFormat.JSON:
      return `${JSON.stringify(list.map((e) => ({
        object: e.object,
        file: e.file,
        line: e.line,
        column: e.column,
        lifecycle: e.explanation.lifecycleJson,
        resources: e.explanation.resourcesJson,
      })), null, 2)}\n`;
    case ExplainFormat.MARKDOWN:
      return list.map((e) => [
        `## ${e.object}`,
        '',
        `Source: \`${e.file}:${e.line}:${e.column}\``,
        '',
        '### Lifecycle',
        '',
        '```mermaid',
        e.explanation.lifecycleMermaid.trimEnd(),
        '```',
        '',
        '```text',
        e.explanation.lifecycleText.trimEnd(),
        '```',
        '',
        '### Effective resources',
        '',
        '```text',
        e.explanation.resourcesText.trimEnd(),
        '```',
        '',
      ].join('\n')).join('\n');
    default:
      return list.map((e) => [
        `${e.object} (${e.file}:${e.line}:${e.column})`,
        '',
        e.explanation.lifecycleText.trimEnd(),
        '',
        'EFFECTIVE RESOURCES (per pod, as the scheduler and the kubelet count them)',
        ...e.explanation.resourcesText.trimEnd().split('\n').map((l) => `  ${l}`),
        '',
      ].join('\n')).join('\n');
  }
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
