import { IConstruct } from 'constructs';

/**
 * Prints warnings found at synth, each at most once per app: cdk8s runs validations more
 * than once in one `app.synth()` (once for the app, again per chart), and a warning that
 * repeats is a warning nobody reads.
 */
export function reportWarning(construct: IConstruct, message: string): void {
  const root = construct.node.root;
  let printed = PRINTED.get(root);
  if (!printed) {
    printed = new Set();
    PRINTED.set(root, printed);
  }
  const line = `[${construct.node.path}] ${message}`;
  if (printed.has(line)) return;
  printed.add(line);
  process.stderr.write(`cdk8s-sidecars warning: ${line}\n`);
}

const PRINTED = new WeakMap<IConstruct, Set<string>>();
