import type { LifecyclePlan } from './lifecycle-plan';
import { ShutdownStep } from './shutdown-step';
import { StartCondition } from './start-condition';
import { ContainerRole } from '../engine/container-role';

/**
 * The plan as a Mermaid sequence diagram (https://mermaid.js.org/syntax/sequenceDiagram.html).
 * Participants get plain ids (`c1`, `c2`, ...) and the container name as their label: a name
 * with dashes used as an id would be read as part of an arrow.
 */
export function renderMermaid(plan: LifecyclePlan): string {
  const names = [...plan.startup.map((s) => s.container)];
  const id = new Map(names.map((n, i) => [n, `c${i + 1}`]));
  const last = `c${names.length}`;
  const out: string[] = ['sequenceDiagram'];
  out.push(`  title ${label(`${plan.kind}/${plan.name}`)}: start and stop (Kubernetes ${plan.targetVersion})`);
  out.push('  participant K as kubelet');
  for (const s of plan.startup) out.push(`  participant ${id.get(s.container)} as ${label(s.container)}`);

  out.push(`  Note over K,${last}: startup, one step at a time`);
  const stuck = plan.startup.find((s) => s.reached && s.role !== ContainerRole.APP && s.neverExits !== undefined);
  for (const s of plan.startup.filter((x) => x.role !== ContainerRole.APP && x.reached)) {
    out.push(`  K->>${id.get(s.container)}: start (${s.role})`);
    if (s === stuck) {
      out.push(`  Note over K,${id.get(s.container)}: ${label(`"${s.container}" never exits`)}`);
    } else {
      out.push(`  ${id.get(s.container)}-->>K: ${label(s.waitsForText)}`);
    }
  }
  if (stuck) {
    const never = plan.startup.filter((x) => !x.reached).map((x) => x.container);
    out.push(`  Note over K,${last}: ${label(`the pod stays in Init: ${never.join(', ')} never start`)}`);
    out.push(`  Note over K,${last}: ${label(plan.steadyState.readyWhen)}`);
  } else {
    // App containers start one at a time; a postStart hook holds the next (see planStartup).
    const apps = plan.startup.filter((s) => s.role === ContainerRole.APP);
    for (const step of [...new Set(apps.map((s) => s.step))]) {
      const group = apps.filter((s) => s.step === step);
      if (group.length === 1) {
        out.push(`  K->>${id.get(group[0].container)}: start (app)`);
      } else {
        out.push('  par app containers start together');
        group.forEach((s, i) => {
          if (i > 0) out.push('  and');
          out.push(`    K->>${id.get(s.container)}: start (app)`);
        });
        out.push('  end');
      }
      const holder = group[group.length - 1];
      if (holder.waitsFor === StartCondition.POST_START_COMPLETED) out.push(`  ${id.get(holder.container)}-->>K: ${label(holder.waitsForText)}`);
    }
    out.push(`  Note over K,${last}: running. ${label(plan.steadyState.readyWhen)}`);
  }

  if (plan.completion?.completes) {
    out.push(`  alt app containers finish: the pod completes (restartPolicy ${plan.completion.restartPolicy})`);
    for (const a of plan.completion.decidedBy) out.push(`    ${id.get(a)}-->>K: exited`);
    out.push(...stopLines(plan.completion.stopSequence, id, '    '));
    out.push('  else pod deleted');
    out.push(...stopLines(plan.shutdown, id, '    '));
    out.push('  end');
  } else {
    if (plan.completion) out.push(`  Note over K,${last}: ${label(plan.completion.completesWhen)}`);
    out.push(`  Note over K,${last}: pod deleted: shutdown`);
    out.push(...stopLines(plan.shutdown, id, '  '));
  }
  out.push(`  Note over K,${last}: ${label(plan.grace.summary)}`);
  return out.join('\n') + '\n';
}

function stopLines(steps: ShutdownStep[], id: Map<string, string>, indent: string): string[] {
  const out: string[] = [];
  for (const s of steps) {
    const c = id.get(s.container)!;
    if (s.hasPreStop) out.push(`${indent}K->>${c}: preStop at 0s (${s.preStopSeconds}s)`);
    out.push(`${indent}K->>${c}: SIGTERM at ${s.sigtermAt}s, ${s.secondsLeft}s left`);
    if (s.killed) {
      out.push(`${indent}K-x${c}: SIGKILL at ${s.sigkillAt}s`);
    } else {
      out.push(`${indent}${c}-->>K: exited at ${s.exitsAt}s`);
    }
  }
  return out;
}

/**
 * Mermaid reads `;` and a line break as a statement end, `#` as the start of an entity code and
 * `%%` as a comment; container names never hold them, but manifest names may.
 */
function label(text: string): string {
  return text.replace(/[;#%<>{}\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '_');
}
