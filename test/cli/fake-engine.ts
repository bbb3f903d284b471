import { CliEngine } from '../../src/cli/cli-engine';
import { Finding } from '../../src/engine/finding';

/**
 * A test double for the engine, to test what the CLI does with findings (positions, formats,
 * exit codes) independently of which rules exist. `findingsFor` decides per manifest.
 */
export function fakeEngine(findingsFor: (manifest: any) => Finding[]): CliEngine & { checked: any[] } {
  const checked: any[] = [];
  return {
    checked,
    isContextObject: (m) => m?.kind === 'LimitRange',
    check: (manifest) => {
      checked.push(manifest);
      return { findings: findingsFor(manifest), suppressed: [] };
    },
    explain: () => {
      throw new Error('fakeEngine does not explain');
    },
  };
}
