import type { LifecyclePlan } from './lifecycle-plan';
import { ShutdownStep } from './shutdown-step';

/**
 * The plan as fixed-width tables for a terminal: plain ASCII, no colours, so it survives
 * `less`, CI logs and copy-paste into an issue.
 */
export function renderText(plan: LifecyclePlan): string {
  const out: string[] = [];
  out.push(`Lifecycle plan: ${plan.kind}/${plan.name} (Kubernetes ${plan.targetVersion})`);
  out.push('');
  out.push('STARTUP (one step at a time; the next step starts when the WAITS FOR condition holds)');
  out.push(...table(
    ['STEP', 'CONTAINER', 'ROLE', 'NEXT STEP WAITS FOR', 'NEEDS READY'],
    plan.startup.map((s) => [String(s.step), s.container, s.role, s.races ? `${s.waitsForText} !` : s.waitsForText, s.needsReady.join(', ') || '-']),
  ));
  out.push('');
  out.push('STEADY STATE');
  out.push(...table(
    ['CONTAINER', 'ROLE', 'READY WHEN', 'ON EXIT'],
    plan.steadyState.running.map((r) => [r.container, r.role, r.readyWhen, r.onExit]),
  ));
  out.push(`  ${plan.steadyState.readyWhen}`);
  out.push('');
  out.push(`SHUTDOWN (${plan.grace.ordered ? 'app containers first, then sidecars in reverse order' : 'not ordered: every container at once'}; times in seconds after termination begins)`);
  out.push(...shutdownTable(plan.shutdown));
  out.push(`  ${plan.grace.summary}`);
  if (plan.completion) {
    out.push('');
    out.push(`COMPLETION (restartPolicy: ${plan.completion.restartPolicy})`);
    out.push(`  ${plan.completion.completesWhen}.`);
    if (plan.completion.completes) out.push('  Sidecars that exit before that are restarted.');
    if (plan.completion.stopSequence.length > 0) {
      out.push('  Then the sidecars are stopped:');
      out.push(...shutdownTable(plan.completion.stopSequence));
    }
  }
  if (plan.notes.length > 0) {
    out.push('');
    out.push('NOTES');
    for (const n of plan.notes) out.push(`  - ${n}`);
  }
  return out.join('\n') + '\n';
}

function shutdownTable(steps: ShutdownStep[]): string[] {
  return table(
    ['STEP', 'CONTAINER', 'ROLE', 'AFTER', 'PRESTOP', 'SIGTERM', 'NEEDS', 'LEFT', 'EXITS', 'SIGKILL'],
    steps.map((s) => [
      String(s.step),
      s.container,
      s.role,
      s.waitsFor.join(', ') || '-',
      s.hasPreStop ? `${s.preStopSeconds}s` : '-',
      `${s.sigtermAt}s`,
      `${s.shutdownSeconds}s`,
      `${s.secondsLeft}s`,
      `${s.exitsAt}s`,
      s.killed ? `${s.sigkillAt}s KILLED` : `${s.sigkillAt}s`,
    ]),
  );
}

/** Left-aligned columns, two spaces apart, indented by two; trailing spaces trimmed. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}
