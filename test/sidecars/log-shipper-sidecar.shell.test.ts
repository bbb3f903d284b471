/**
 * The SHELL command style of LogShipperSidecar.tail() (src/sidecars/private/shell-quote.ts), run by a
 * real `sh`, against paths in directories that EXIST and hold files a glob would match: only there
 * does an unquoted `*`, `?` or `[...]` change what the shell passes on.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { SidecarDeployment } from '../../src';
import { LogShipperSidecar } from '../../src/sidecars/log-shipper-sidecar';
import { TailCommandStyle } from '../../src/sidecars/tail-command-style';
import { expandLikeKubelet } from '../upstream/expansion/kubelet-expansion';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'log-shipper-shell-'));
  // Files every glob below would match if the shell saw it unquoted.
  fs.mkdirSync(path.join(root, 'logs'));
  for (const f of ['a.log', 'b.log', 'x', 'app.log']) fs.writeFileSync(path.join(root, 'logs', f), '');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * The `sh -c` line the shipper generates for these paths, as the container runs it: after the
 * kubelet's `$(VAR)` expansion of the command (`$$` becomes `$`), with an environment that has no
 * variable of a name these paths could spell.
 */
function commandLine(paths: string[]): string {
  const chart = new Chart(Testing.app(), 'test');
  const workload = new SidecarDeployment(chart, 'web', { metadata: { name: 'web' } });
  workload.addContainer({ name: 'app', image: 'app:1.0', securityContext: { user: 1000 } });
  LogShipperSidecar.tail({ commandStyle: TailCommandStyle.SHELL, paths }).addTo(workload);
  const [sh, dashC, line] = Testing.synth(chart).find((m) => m.kind === 'Deployment').spec.template.spec.initContainers[0].command;
  expect([sh, dashC]).toEqual(['sh', '-c']);
  return expandLikeKubelet(line, {});
}

/** Runs the line with `tail` replaced by a function that prints its arguments, from inside `root`. */
function argumentsSeenByTail(line: string): string[] {
  const out = execFileSync('sh', ['-c', `tail() { printf '%s\\0' "$@"; }; ${line}`], { encoding: 'utf-8', cwd: root });
  return out.split('\0').slice(0, -1);
}

describe('LogShipperSidecar.tail SHELL style, run by sh', () => {
  describe('survivor "only the first single quote escaped" (issue 14)', () => {
    test.each([
      "it's Bob's.log",
      "'''.log",
      "a'b'c'd.log",
    ])('GIVEN a file name with several single quotes (%s) THEN tail gets the path as one literal argument', (name) => {
      const p = path.join(root, 'logs', name);
      expect(argumentsSeenByTail(commandLine([p]))).toEqual(['-F', p]);
    });
  });

  describe('survivor "`*` treated as safe (the shell expands it)" (issue 14)', () => {
    test.each(['*.log', '*', '?.log', '[ab].log', 'app.lo?'])('GIVEN the glob %s in a directory with matching files THEN tail gets the pattern itself, not the files', (name) => {
      const p = path.join(root, 'logs', name);
      expect(argumentsSeenByTail(commandLine([p]))).toEqual(['-F', p]);
    });
  });

  test('law: for any file names made of shell metacharacters, in an existing directory full of matching files, tail gets exactly the paths', () => {
    const meta = fc.constantFrom(...'*?[]\'"$`\\ ;&|<>(){}~!#%=:,.-_aAbx\t'.split(''));
    // Also names of only glob stars and letters of the files present ("*", "a*", "*.log"): they look harmless.
    const globby = fc.constantFrom(...'*.abglox'.split(''));
    const name = fc.oneof(fc.string({ unit: meta, minLength: 1, maxLength: 10 }), fc.string({ unit: globby, minLength: 1, maxLength: 6 }))
      .filter((s) => s !== '.' && s !== '..');
    fc.assert(fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 3 }), (names) => {
      const paths = names.map((n) => path.join(root, 'logs', n));
      expect(argumentsSeenByTail(commandLine(paths))).toEqual(['-F', ...paths]);
    }), { numRuns: 60 });
  });
});
