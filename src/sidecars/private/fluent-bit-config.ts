/**
 * Writing Fluent Bit's classic configuration format: `[SECTION]` headers and indented
 * `Key Value` lines, where a value is the rest of its line.
 *
 * @see https://docs.fluentbit.io/manual/administration/configuring-fluent-bit/classic-mode/format-schema
 */

/**
 * Why a string cannot be one config value, or `undefined` when it can. A line break would start
 * a new key (config injection), and `${...}` is expanded from the environment by Fluent Bit.
 */
export function configValueProblem(value: string): string | undefined {
  if (/[\r\n\0]/.test(value)) return 'must not contain line breaks or NUL (each value is one line of the Fluent Bit config)';
  if (value.includes('${')) return 'must not contain "${" (Fluent Bit expands ${VAR} from the environment)';
  if (value !== value.trim()) return 'must not start or end with whitespace (Fluent Bit trims values)';
  return undefined;
}

/** One section, keys aligned so the generated file reads like a hand-written one. */
export function configSection(name: string, entries: Array<[string, string]>): string {
  const width = Math.max(...entries.map(([k]) => k.length));
  return [`[${name}]`, ...entries.map(([k, v]) => `    ${k.padEnd(width)} ${v}`)].join('\n') + '\n';
}
