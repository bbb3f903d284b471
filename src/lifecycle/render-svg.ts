import type { LifecyclePlan } from './lifecycle-plan';
import { ShutdownStep } from './shutdown-step';
import { StartCondition } from './start-condition';
import { escapeXml } from './xml-escape';
import { ContainerRole } from '../engine/container-role';

/**
 * The plan as a self-contained SVG timeline: one row per container, three sections left to
 * right (startup steps, steady state, shutdown on a seconds scale inside the grace budget).
 * No external fonts, images, styles or scripts: generic font families only, so it renders the
 * same in a browser, on GitHub and in an image viewer.
 */
export function renderSvg(plan: LifecyclePlan): string {
  const L = layout(plan);
  const e: string[] = [];
  const title = `${plan.kind}/${plan.name}: start and stop sequence (Kubernetes ${plan.targetVersion})`;
  e.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  e.push(`<title>${escapeXml(title)}</title>`);
  e.push(`<desc>${escapeXml(`Start order: ${plan.startOrder.join(', ')}. Stop order: ${stopSequence(plan).map((s) => s.container).join(', ')}. ${plan.grace.summary}.`)}</desc>`);
  e.push(`<rect x="0" y="0" width="${L.width}" height="${L.height}" fill="#ffffff"/>`);
  e.push(text(16, 26, title, 'font-size="15" font-weight="bold"'));

  // Section backgrounds and headings.
  e.push(`<rect x="${L.startupX}" y="${L.top - 22}" width="${L.startupW}" height="${L.rowsH + 22}" fill="#f3f6fb"/>`);
  e.push(`<rect x="${L.steadyX}" y="${L.top - 22}" width="${L.steadyW}" height="${L.rowsH + 22}" fill="#f2f9f2"/>`);
  e.push(`<rect x="${L.stopX}" y="${L.top - 22}" width="${L.stopW}" height="${L.rowsH + 22}" fill="#fbf5ef"/>`);
  e.push(text(L.startupX + 6, L.top - 8, 'STARTUP (steps)', 'font-weight="bold" fill="#334"'));
  e.push(text(L.steadyX + 6, L.top - 8, 'RUNNING', 'font-weight="bold" fill="#334"'));
  e.push(text(L.stopX + 6, L.top - 8, L.stopHeading, 'font-weight="bold" fill="#334"'));
  for (let i = 0; i < L.slots; i++) {
    const x = L.startupX + i * L.slotW;
    e.push(text(x + L.slotW / 2, L.top + L.rowsH + 16, String(i + 1), 'text-anchor="middle" fill="#556"'));
  }

  // Seconds axis of the shutdown section, with the grace deadline.
  const axisY = L.top + L.rowsH;
  for (let t = 0; t <= L.span; t += L.tick) {
    const x = L.sx(t);
    e.push(`<line x1="${x}" y1="${L.top}" x2="${x}" y2="${axisY + 4}" stroke="#e2d6c8" stroke-width="1"/>`);
    e.push(text(x, axisY + 16, `${t}s`, 'text-anchor="middle" fill="#556"'));
  }
  const gx = L.sx(plan.grace.gracePeriodSeconds);
  e.push(`<line x1="${gx}" y1="${L.top - 22}" x2="${gx}" y2="${axisY + 4}" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 3"/>`);
  e.push(text(gx - 4, L.top + L.rowsH + 32, `grace ends at ${plan.grace.gracePeriodSeconds}s${plan.grace.defaulted ? ' (default)' : ''}`, 'text-anchor="end" fill="#c0392b" font-weight="bold"'));

  const stops = new Map(stopSequence(plan).map((s) => [s.container, s]));
  plan.startup.forEach((s, row) => {
    const y = L.top + row * L.rowH;
    const mid = y + L.rowH / 2;
    if (row % 2 === 1) e.push(`<rect x="8" y="${y}" width="${L.width - 16}" height="${L.rowH}" fill="#000000" fill-opacity="0.025"/>`);
    e.push(text(16, mid - 1, s.container, 'font-weight="bold"'));
    e.push(text(16, mid + 12, ROLE_LABEL[s.role], 'font-size="10" fill="#667"'));

    const slotX = L.startupX + (s.step - 1) * L.slotW;
    const barY = mid - 8;
    const color = ROLE_COLOR[s.role];
    if (!s.reached) {
      e.push(text(slotX + 6, mid + 4, 'never started: the pod stays in Init', 'font-size="10" fill="#c0392b"'));
      return;
    }
    if (s.role === ContainerRole.REGULAR_INIT && s.neverExits === undefined) {
      e.push(`<rect x="${slotX + 4}" y="${barY}" width="${L.slotW - 8}" height="16" rx="3" fill="${color}"/>`);
      e.push(text(slotX + L.slotW / 2, mid + 4, 'runs, exits 0', 'text-anchor="middle" font-size="10" fill="#ffffff"'));
      return;
    }
    const stop = stops.get(s.container);
    const endX = stop ? L.sx(stop.exitsAt) : L.stopX;
    e.push(`<rect x="${slotX + 4}" y="${barY}" width="${Math.max(endX - slotX - 4, 2)}" height="16" rx="3" fill="${color}"/>`);
    if (s.neverExits !== undefined && s.role === ContainerRole.REGULAR_INIT) {
      e.push(text(slotX + 8, mid + 4, 'never exits', 'font-size="10" fill="#ffffff"'));
    } else if (s.role === ContainerRole.SIDECAR) {
      const race = s.waitsFor === StartCondition.PROCESS_STARTED;
      e.push(text(slotX + 8, mid + 4, SHORT_CONDITION[s.waitsFor], `font-size="10" fill="${race ? RACE_COLOR : '#ffffff'}"`));
    } else if (s.waitsFor === StartCondition.POST_START_COMPLETED) {
      e.push(text(slotX + 8, mid + 4, s.postStartSeconds !== undefined ? `postStart ${s.postStartSeconds}s+` : 'postStart', 'font-size="10" fill="#ffffff"'));
    }
    if (stop) e.push(...shutdownMarks(stop, L, barY, mid));
    else e.push(text(L.stopX + 4, mid + 4, 'exited, pod completes', 'font-size="10" fill="#334"'));
  });

  // Legend.
  const ly = L.height - 18;
  let lx = 16;
  for (const [label, fill] of [['regular init', ROLE_COLOR[ContainerRole.REGULAR_INIT]], ['sidecar', ROLE_COLOR[ContainerRole.SIDECAR]], ['app', ROLE_COLOR[ContainerRole.APP]], ['preStop hook', PRE_STOP_COLOR], ['after SIGTERM', TERM_COLOR], ['cut by SIGKILL', KILL_COLOR]]) {
    e.push(`<rect x="${lx}" y="${ly - 10}" width="14" height="12" rx="2" fill="${fill}"/>`);
    e.push(text(lx + 19, ly, label, 'fill="#334"'));
    lx += 30 + label.length * 7;
  }
  e.push(`<rect x="${lx}" y="${ly - 11}" width="104" height="15" rx="3" fill="${ROLE_COLOR[ContainerRole.SIDECAR]}"/>`);
  e.push(text(lx + 4, ly, SHORT_CONDITION[StartCondition.PROCESS_STARTED], `font-size="10" fill="${RACE_COLOR}"`));
  e.push(text(lx + 110, ly, 'no startupProbe: the next step may race it', 'fill="#334"'));
  e.push('</svg>');
  return e.join('\n') + '\n';
}

/** Marks on a container's bar inside the shutdown section: hook, SIGTERM, shutdown, SIGKILL. */
function shutdownMarks(s: ShutdownStep, L: Layout, barY: number, mid: number): string[] {
  const e: string[] = [];
  const x0 = L.sx(0);
  if (s.hasPreStop && s.preStopSeconds > 0) {
    e.push(`<rect x="${x0}" y="${barY}" width="${L.sx(Math.min(s.preStopSeconds, s.sigtermAt)) - x0}" height="16" fill="${PRE_STOP_COLOR}"/>`);
  }
  const tx = L.sx(s.sigtermAt);
  const ex = L.sx(s.exitsAt);
  const colour = s.killed ? KILL_COLOR : TERM_COLOR;
  e.push(`<rect x="${tx}" y="${barY}" width="${Math.max(ex - tx, 3)}" height="16" fill="${colour}"/>`);
  e.push(`<path d="M ${tx} ${barY - 2} l -5 -7 h 10 z" fill="#222"/>`);
  const label = s.killed
    ? `stop ${s.step}: SIGTERM ${s.sigtermAt}s, SIGKILL ${s.sigkillAt}s`
    : `stop ${s.step}: SIGTERM ${s.sigtermAt}s, exits ${s.exitsAt}s (${s.secondsLeft}s left)`;
  e.push(text(Math.max(ex, tx + 3) + 6, mid + 4, label, 'font-size="11" fill="#222"'));
  return e;
}

/** For a run-to-completion pod the picture tells the normal story: the app exits, then the sidecars stop. */
function stopSequence(plan: LifecyclePlan): ShutdownStep[] {
  return plan.completion?.completes ? plan.completion.stopSequence : plan.shutdown;
}

interface Layout {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly rowH: number;
  readonly rowsH: number;
  readonly slots: number;
  readonly slotW: number;
  readonly startupX: number;
  readonly startupW: number;
  readonly steadyX: number;
  readonly steadyW: number;
  readonly stopX: number;
  readonly stopW: number;
  readonly stopHeading: string;
  readonly span: number;
  readonly tick: number;
  readonly sx: (seconds: number) => number;
}

function layout(plan: LifecyclePlan): Layout {
  // Bold 12px Helvetica averages under 7.5px a character; names are DNS labels (at most 63).
  const longest = Math.max(...plan.startup.map((s) => s.container.length), 12);
  const labelW = Math.min(Math.round(longest * 7.5 + 28), 360);
  const width = 1100;
  const rowH = 36;
  const top = 66;
  const slots = Math.max(...plan.startup.map((s) => s.step));
  const slotW = 96;
  const startupX = labelW;
  const startupW = slots * slotW;
  const steadyX = startupX + startupW;
  const steadyW = 90;
  const stopX = steadyX + steadyW;
  const labelRoom = 230; // room right of the last bar for its "SIGTERM ..., exits ..." label
  const stopW = width - 12 - stopX;
  const steps = stopSequence(plan);
  const G = plan.grace.gracePeriodSeconds;
  const span = Math.max(G + 2, ...steps.map((s) => s.sigkillAt), 4);
  const tick = niceTick(span);
  const usable = Math.max(stopW - labelRoom, 120);
  const sx = (t: number) => round(stopX + 8 + (t / span) * usable);
  const stopHeading = plan.completion?.completes
    ? `COMPLETION: app exits at 0s, sidecars stop (grace ${G}s)`
    : `SHUTDOWN (grace ${G}s${plan.grace.ordered ? '' : ', not ordered'})`;
  const rowsH = plan.startup.length * rowH;
  return {
    width,
    height: top + rowsH + 70,
    top,
    rowH,
    rowsH,
    slots,
    slotW,
    startupX,
    startupW,
    steadyX,
    steadyW,
    stopX,
    stopW,
    stopHeading,
    span,
    tick,
    sx,
  };
}

function niceTick(span: number): number {
  for (const t of [1, 2, 5, 10, 15, 30, 60, 120, 300, 600]) if (span / t <= 12) return t;
  return Math.ceil(span / 10);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${round(x)}" y="${round(y)}"${attrs ? ' ' + attrs : ''}>${escapeXml(content)}</text>`;
}

const ROLE_LABEL: Record<ContainerRole, string> = {
  [ContainerRole.REGULAR_INIT]: 'regular init container',
  [ContainerRole.SIDECAR]: 'sidecar',
  [ContainerRole.APP]: 'app container',
};
const ROLE_COLOR: Record<ContainerRole, string> = {
  [ContainerRole.REGULAR_INIT]: '#7f8c8d',
  [ContainerRole.SIDECAR]: '#2e86c1',
  [ContainerRole.APP]: '#27ae60',
};
const SHORT_CONDITION: Record<StartCondition, string> = {
  [StartCondition.EXITED_SUCCESSFULLY]: 'exit 0',
  [StartCondition.STARTUP_PROBE_SUCCEEDED]: 'startup probe',
  [StartCondition.POST_START_COMPLETED]: 'postStart',
  [StartCondition.PROCESS_STARTED]: 'started, may race',
  [StartCondition.NOTHING]: '',
};
const RACE_COLOR = '#ffe08a';
const PRE_STOP_COLOR = '#f5b041';
const TERM_COLOR = '#e67e22';
const KILL_COLOR = '#c0392b';
