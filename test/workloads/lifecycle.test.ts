import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SidecarJob, SidecarPod, SidecarSettings } from '../../src';

describe('lifecycle plan on workloads', () => {
  test('GIVEN a pod with declared order THEN its plan starts the sidecars in order and stops them in reverse', () => {
    const chart = Testing.chart();
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    const first = pod.addSidecar({ name: 'first', image: 'f' });
    pod.addSidecar({ name: 'second', image: 's', startAfter: [first] });
    const plan = pod.lifecyclePlan();
    expect(plan.startOrder).toEqual(['first', 'second', 'app']);
    expect(plan.stopOrder).toEqual(['app', 'second', 'first']);
  });

  test('GIVEN a Job THEN its plan says completion is decided by the app containers', () => {
    const chart = Testing.chart();
    const job = new SidecarJob(chart, 'job', { containers: [{ name: 'work', image: 'w' }] });
    job.addSidecar({ name: 'log', image: 'l' });
    expect(job.lifecyclePlan().completion?.decidedBy).toEqual(['work']);
  });

  test('GIVEN a target version of 1.28 on the app THEN the plan knows termination is not ordered', () => {
    const app = Testing.app();
    SidecarSettings.setTargetVersion(app, '1.28');
    const chart = new Chart(app, 'c');
    const pod = new SidecarPod(chart, 'pod', { containers: [{ name: 'app', image: 'app' }] });
    pod.addSidecar({ name: 'log', image: 'l' });
    const plan = pod.lifecyclePlan();
    expect(plan.targetVersion.toString()).toBe('1.28');
    expect(plan.grace.ordered).toBe(false);
  });

  test('GIVEN lifecycleDocs THEN synth writes <name>.lifecycle.md and .svg next to the YAML', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-'));
    const app = new App({ outdir });
    const chart = new Chart(app, 'c');
    const pod = new SidecarPod(chart, 'pod', {
      metadata: { name: 'web' },
      lifecycleDocs: true,
      restartPolicy: kplus.RestartPolicy.ALWAYS,
      containers: [{ name: 'app', image: 'app' }],
    });
    pod.addSidecar({ name: 'proxy', image: 'p' });
    app.synth();
    expect(fs.readdirSync(outdir).sort()).toEqual(['c.k8s.yaml', 'web.lifecycle.md', 'web.lifecycle.svg']);
    const md = fs.readFileSync(path.join(outdir, 'web.lifecycle.md'), 'utf-8');
    expect(md).toContain('# Lifecycle of Pod/web');
    expect(md).toContain('![lifecycle timeline](web.lifecycle.svg)');
    expect(md).toContain('```mermaid\nsequenceDiagram');
    expect(fs.readFileSync(path.join(outdir, 'web.lifecycle.svg'), 'utf-8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
