/**
 * The seed Job and Deployment (test/fixtures/seeds) through every sidecar mode: the emitted
 * containers, the marker-file protocol commands and the annotations.
 */
import * as path from 'path';
import { Annotations as ModeAnnotations } from '../../src/engine/annotations';
import { Finding } from '../../src/engine/finding';
import { formatFinding } from '../../src/engine/finding-format';
import { KubernetesVersion } from '../../src/engine/kubernetes-version';
import { NO_DECLARATIONS } from '../../src/engine/pod-declarations';
import { PodManifest } from '../../src/engine/pod-manifest';
import { Severity } from '../../src/engine/severity';
import { applySidecarMode, resolveSidecarMode } from '../../src/modes/apply-sidecar-mode';
import { SidecarMode } from '../../src/modes/sidecar-mode';
import {
  ALL_SCRIPTS, APP_WRAPPER_SCRIPT, NATIVE_TWIN_SCRIPT, REGULAR_TWIN_SCRIPT, SIDECAR_SUPERVISOR_SCRIPT,
} from '../../src/modes/universal-scripts';
import { effectiveResourceAnnotations } from '../../src/resources/effective-resource-annotations';
import { readYaml, SEEDS } from '../support/synth';

const V1_27 = KubernetesVersion.of('1.27');
const V1_28 = KubernetesVersion.of('1.28');
const V1_29 = KubernetesVersion.of('1.29');
const DIR = '/run/sidecar-lifecycle';
const MOUNT = { mountPath: DIR, name: 'sidecar-lifecycle' };

function seedPod(file: string): PodManifest {
  const pod = PodManifest.from(readYaml(path.join(SEEDS, file))[0]);
  if (!pod) throw new Error(`${file} has no pod`);
  return pod;
}
const job = () => seedPod('job-sidecar.yaml');
const deployment = () => seedPod('deployment-sidecar.yaml');

function apply(pod: PodManifest, mode: SidecarMode, target = V1_29) {
  const before = JSON.stringify(pod.podSpec);
  const result = applySidecarMode(pod.podSpec, mode, { targetVersion: target, podSpecPath: pod.podSpecPath });
  expect(JSON.stringify(pod.podSpec)).toBe(before); // pure: the input is never mutated
  return { ...result, podSpec: result.podSpec as any };
}

/** `applySidecarMode` on a literal pod spec, its result's spec untyped for the assertions. */
function applyTo(spec: any, mode: SidecarMode, options: Parameters<typeof applySidecarMode>[2]) {
  const result = applySidecarMode(spec, mode, options);
  return { ...result, podSpec: result.podSpec as any };
}

const LOGSHIPPER_ARGV = ['sh', '-c', 'tail -F /opt/logs.txt'];

/** The mode's errors and warnings in the one grammar. */
const errors = (r: { findings: Finding[] }) => r.findings.filter((f) => f.severity === Severity.ERROR).map(formatFinding);
const warnings = (r: { findings: Finding[] }) => r.findings.filter((f) => f.severity === Severity.WARNING).map(formatFinding);

describe('NATIVE', () => {
  test.each([['job-sidecar.yaml'], ['deployment-sidecar.yaml']])('GIVEN the seed %s and target 1.29 THEN the pod spec is emitted unchanged, without annotations', (file) => {
    const pod = seedPod(file);
    const result = apply(pod, SidecarMode.NATIVE);
    expect(result).toEqual({ mode: SidecarMode.NATIVE, podSpec: pod.podSpec, annotations: {}, declarations: NO_DECLARATIONS, findings: [] });
  });

  test('GIVEN target 1.28 THEN NATIVE is allowed (the cluster may enable the feature gate)', () => {
    expect(errors(apply(job(), SidecarMode.NATIVE, V1_28))).toEqual([]);
  });

  test('GIVEN target 1.27 THEN NATIVE leaves the spec as it is: the rules engine reports it (SC-VERSION-001, tested with the workloads)', () => {
    const pod = deployment();
    expect(apply(pod, SidecarMode.NATIVE, V1_27)).toEqual({
      mode: SidecarMode.NATIVE,
      podSpec: pod.podSpec,
      annotations: {},
      declarations: NO_DECLARATIONS,
      findings: [],
    });
  });
});

describe('AUTO', () => {
  test.each([
    ['1.27', SidecarMode.LEGACY], ['1.28', SidecarMode.LEGACY], ['1.29', SidecarMode.NATIVE], ['1.33', SidecarMode.NATIVE], ['1.40', SidecarMode.NATIVE],
  ])('GIVEN target %s THEN AUTO resolves to %s', (target, expected) => {
    expect(resolveSidecarMode(SidecarMode.AUTO, KubernetesVersion.of(target))).toBe(expected);
  });

  test.each([[SidecarMode.NATIVE], [SidecarMode.LEGACY], [SidecarMode.UNIVERSAL]])('GIVEN an explicit %s THEN it is kept whatever the target', (mode) => {
    expect(resolveSidecarMode(mode, V1_27)).toBe(mode);
  });

  test('GIVEN the seed Deployment at 1.28 THEN AUTO emits exactly what LEGACY emits, and says so (SC-MODE-001)', () => {
    const auto = apply(deployment(), SidecarMode.AUTO, V1_28);
    const legacy = apply(deployment(), SidecarMode.LEGACY, V1_28);
    expect({ ...auto, findings: [] }).toEqual({ ...legacy, findings: [] });
    expect(auto.mode).toBe(SidecarMode.LEGACY);
    expect(legacy.findings).toEqual([]);
    expect(warnings(auto)).toEqual([
      'SC-MODE-001 spec.template.spec.initContainers: Not kept: SidecarMode.AUTO emits LEGACY for target Kubernetes 1.28 (native sidecars are on by default from 1.29): ' +
      'sidecars "logshipper" become regular containers, started together with the app containers, and are not stopped after them. ' +
      'Fix: set the sidecar mode to LEGACY to accept this, to NATIVE if the cluster enables the SidecarContainers feature gate, or target Kubernetes 1.29 or later',
    ]);
  });
});

describe('LEGACY', () => {
  test('GIVEN the seed Deployment THEN the sidecar is the first regular container, without restartPolicy, no command is wrapped, and the start order annotation warns', () => {
    const pod = deployment();
    const result = apply(pod, SidecarMode.LEGACY);
    expect(errors(result)).toEqual([]);
    expect(result.podSpec.initContainers).toBeUndefined();
    expect(result.podSpec.containers).toEqual([
      { name: 'logshipper', image: 'alpine:latest', command: LOGSHIPPER_ARGV, volumeMounts: [{ name: 'data', mountPath: '/opt' }] },
      pod.podSpec.containers![0],
    ]);
    expect(result.podSpec.volumes).toEqual(pod.podSpec.volumes);
    expect(result.annotations).toEqual({
      [ModeAnnotations.SIDECAR_MODE]: 'legacy',
      [ModeAnnotations.START_ORDER]: 'not guaranteed: sidecars logshipper are regular containers, started together with the app containers',
    });
  });

  test('GIVEN the seed Job THEN the app and the sidecar commands are wrapped in the marker-file protocol and the emptyDir is added', () => {
    const pod = job();
    const result = apply(pod, SidecarMode.LEGACY);
    expect(errors(result)).toEqual([]);
    expect(result.podSpec.initContainers).toBeUndefined();
    expect(result.podSpec.restartPolicy).toBe('Never');
    expect(result.podSpec.containers).toEqual([
      {
        name: 'logshipper',
        image: 'alpine:latest',
        command: ['/bin/sh', '-c', SIDECAR_SUPERVISOR_SCRIPT, 'cdk8s-sidecars-supervisor', DIR, '1', '10', 'myjob', '--', ...LOGSHIPPER_ARGV],
        volumeMounts: [{ name: 'data', mountPath: '/opt' }, MOUNT],
      },
      {
        name: 'myjob',
        image: 'alpine:latest',
        command: ['/bin/sh', '-c', APP_WRAPPER_SCRIPT, 'cdk8s-sidecars-app', DIR, 'myjob', 'any', '--', 'sh', '-c', 'echo "logging" > /opt/logs.txt'],
        volumeMounts: [{ name: 'data', mountPath: '/opt' }, MOUNT],
      },
    ]);
    expect(result.podSpec.volumes).toEqual([{ name: 'data', emptyDir: {} }, { name: 'sidecar-lifecycle', emptyDir: {} }]);
    expect(result.annotations).toEqual({
      [ModeAnnotations.SIDECAR_MODE]: 'legacy',
      [ModeAnnotations.START_ORDER]: 'not guaranteed: sidecars logshipper are regular containers, started together with the app containers',
      [ModeAnnotations.COMPLETION_PROTOCOL]: '{"dir":"/run/sidecar-lifecycle","apps":["myjob"],"sidecars":["logshipper"]}',
    });
  });

  test('GIVEN an OnFailure pod THEN the app marks only a successful exit (a failed app is restarted)', () => {
    const spec = { ...job().podSpec, restartPolicy: 'OnFailure' };
    const app = applyTo(spec, SidecarMode.LEGACY, { targetVersion: V1_29 }).podSpec.containers[1];
    expect(app.command.slice(3, 8)).toEqual(['cdk8s-sidecars-app', DIR, 'myjob', 'success', '--']);
  });

  test('GIVEN probes and a preStop hook on the sidecar THEN the regular container keeps them (regular containers may have all probes)', () => {
    const probe = { httpGet: { path: '/ready', port: 9000 } };
    const spec = {
      initContainers: [{ name: 'proxy', restartPolicy: 'Always', startupProbe: probe, readinessProbe: probe, lifecycle: { preStop: { sleep: { seconds: 5 } } } }],
      containers: [{ name: 'app' }],
    };
    expect(applyTo(spec, SidecarMode.LEGACY, { targetVersion: V1_29 }).podSpec.containers[0])
      .toEqual({ name: 'proxy', startupProbe: probe, readinessProbe: probe, lifecycle: { preStop: { sleep: { seconds: 5 } } } });
  });

  test('GIVEN an init step declared after a sidecar THEN it stays an init container and a warning says it now runs before the sidecar', () => {
    const spec = { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }, { name: 'migrate' }], containers: [{ name: 'app' }] };
    const result = applyTo(spec, SidecarMode.LEGACY, { targetVersion: V1_29 });
    expect(result.podSpec.initContainers).toEqual([{ name: 'migrate' }]);
    expect(result.podSpec.containers.map((c: any) => c.name)).toEqual(['proxy', 'app']);
    expect(warnings(result)).toEqual([
      'SC-MODE-005 spec.initContainers[0]: Not kept: "migrate": init container "migrate" starts after sidecar "proxy", but in LEGACY mode every sidecar is a regular container that starts only after all init containers have completed. ' +
      'Fix: do not rely on a sidecar from an init container in LEGACY mode, or choose SidecarMode.NATIVE or UNIVERSAL',
    ]);
  });

  test('fails for a Job whose app and sidecar have no command (the image entrypoint is unknown), with every error collected', () => {
    const spec = { restartPolicy: 'Never', initContainers: [{ name: 'logshipper', image: 'fluent-bit', restartPolicy: 'Always' }], containers: [{ name: 'myjob', image: 'job:1', args: ['--once'] }] };
    const result = applyTo(spec, SidecarMode.LEGACY, { targetVersion: V1_29, podSpecPath: job().podSpecPath });
    expect(errors(result)).toEqual([
      'SC-MODE-002 spec.template.spec.initContainers[0].command: Required value: LEGACY mode wraps the command of sidecar "logshipper" so that it stops when the app containers exit (a run-to-completion pod), ' +
      'but no command is given and the image\'s entrypoint is unknown at synth. ' +
      'Fix: set command (and args) of "logshipper" explicitly, e.g. to the image\'s ENTRYPOINT and CMD; or choose SidecarMode.NATIVE and target Kubernetes 1.29 or later',
      'SC-MODE-002 spec.template.spec.containers[0].command: Required value: LEGACY mode wraps the command of app container "myjob" so that the sidecars stop when it exits (a run-to-completion pod), ' +
      'but no command is given and the image\'s entrypoint is unknown at synth. ' +
      'Fix: set command (and args) of "myjob" explicitly, e.g. to the image\'s ENTRYPOINT and CMD; or choose SidecarMode.NATIVE and target Kubernetes 1.29 or later',
    ]);
    expect(result.podSpec).toBe(spec);
    expect(result.annotations).toEqual({});
  });

  test('fails when the pod already has a volume or a mount where the protocol goes', () => {
    const spec = {
      restartPolicy: 'Never',
      initContainers: [{ name: 's', restartPolicy: 'Always', command: ['s'], volumeMounts: [{ name: 'run', mountPath: DIR }] }],
      containers: [{ name: 'a', command: ['a'] }],
      volumes: [{ name: 'sidecar-lifecycle', emptyDir: {} }],
    };
    expect(errors(applyTo(spec, SidecarMode.LEGACY, { targetVersion: V1_29 }))).toEqual([
      'SC-MODE-003 spec.initContainers[0].volumeMounts[0]: Duplicate value: {"name":"run","mountPath":"/run/sidecar-lifecycle"}: LEGACY mode mounts its marker-file emptyDir "sidecar-lifecycle" at /run/sidecar-lifecycle in container "s". ' +
      'Fix: mount nothing there, or set lifecycleMountPath of the sidecar mode options to a free path',
      'SC-MODE-003 spec.volumes[0].name: Duplicate value: "sidecar-lifecycle": LEGACY mode adds an emptyDir volume of this name for its marker files. Fix: rename the pod\'s volume "sidecar-lifecycle"',
    ]);
  });
});

describe('UNIVERSAL', () => {
  test('GIVEN the seed Deployment THEN the sidecar becomes a probe-less native twin plus a regular twin that idles (sleep) when the native one runs', () => {
    const pod = deployment();
    const result = apply(pod, SidecarMode.UNIVERSAL);
    expect(errors(result)).toEqual([]);
    expect(result.podSpec.initContainers).toEqual([{
      name: 'logshipper',
      image: 'alpine:latest',
      restartPolicy: 'Always',
      command: ['/bin/sh', '-c', NATIVE_TWIN_SCRIPT, 'cdk8s-sidecars-native', DIR, 'logshipper', '1', '30', '--', ...LOGSHIPPER_ARGV],
      volumeMounts: [{ name: 'data', mountPath: '/opt' }, MOUNT],
    }]);
    expect(result.podSpec.containers).toEqual([
      {
        name: 'logshipper-twin',
        image: 'alpine:latest',
        command: ['/bin/sh', '-c', REGULAR_TWIN_SCRIPT, 'cdk8s-sidecars-twin', DIR, 'logshipper', '1', '30', 'sleep', '--', ...LOGSHIPPER_ARGV],
        volumeMounts: [{ name: 'data', mountPath: '/opt' }, MOUNT],
      },
      pod.podSpec.containers![0], // a long-running app is not wrapped
    ]);
    expect(result.podSpec.volumes).toEqual([{ name: 'data', emptyDir: {} }, { name: 'sidecar-lifecycle', emptyDir: {} }]);
    expect(result.annotations).toEqual({
      [ModeAnnotations.SIDECAR_MODE]: 'universal',
      [ModeAnnotations.UNIVERSAL_TWINS]: '{"logshipper":"logshipper-twin"}',
    });
  });

  test('GIVEN the seed Job THEN the twin exits when idle, acts through the supervisor when it is the sidecar, and the app is wrapped', () => {
    const result = apply(job(), SidecarMode.UNIVERSAL);
    expect(errors(result)).toEqual([]);
    const [twin, app] = result.podSpec.containers;
    expect(twin.command).toEqual([
      '/bin/sh', '-c', REGULAR_TWIN_SCRIPT, 'cdk8s-sidecars-twin', DIR, 'logshipper', '1', '30', 'exit', '--',
      '/bin/sh', '-c', SIDECAR_SUPERVISOR_SCRIPT, 'cdk8s-sidecars-supervisor', DIR, '1', '10', 'myjob', '--', ...LOGSHIPPER_ARGV,
    ]);
    expect(app.command).toEqual(['/bin/sh', '-c', APP_WRAPPER_SCRIPT, 'cdk8s-sidecars-app', DIR, 'myjob', 'any', '--', 'sh', '-c', 'echo "logging" > /opt/logs.txt']);
    expect(result.podSpec.initContainers[0].command.slice(0, 10)).toEqual(['/bin/sh', '-c', NATIVE_TWIN_SCRIPT, 'cdk8s-sidecars-native', DIR, 'logshipper', '1', '30', '--', 'sh']);
    expect(result.annotations[ModeAnnotations.COMPLETION_PROTOCOL]).toBe('{"dir":"/run/sidecar-lifecycle","apps":["myjob"],"sidecars":["logshipper"]}');
  });

  test('GIVEN a sidecar with probes, a preStop hook and ports THEN the native twin keeps only the ports, the twin only the hook, and warnings say what was dropped', () => {
    const probe = { httpGet: { path: '/ready', port: 9000 } };
    const spec = {
      initContainers: [{ name: 'proxy', restartPolicy: 'Always', command: ['proxy'], ports: [{ containerPort: 9000 }], startupProbe: probe, livenessProbe: probe, lifecycle: { preStop: { sleep: { seconds: 5 } } } }],
      containers: [{ name: 'app', command: ['app'] }],
    };
    const result = applyTo(spec, SidecarMode.UNIVERSAL, { targetVersion: V1_29 });
    const native = result.podSpec.initContainers[0];
    const twin = result.podSpec.containers[0];
    expect(Object.keys(native).sort()).toEqual(['command', 'name', 'ports', 'restartPolicy', 'volumeMounts']);
    expect(Object.keys(twin).sort()).toEqual(['command', 'lifecycle', 'name', 'volumeMounts']);
    expect(warnings(result)).toEqual([
      'SC-MODE-005 spec.initContainers[0].livenessProbe: Not kept: "proxy": UNIVERSAL mode drops livenessProbe, startupProbe of sidecar "proxy": the native twin may run as a regular init container (which the API server forbids probes on) and the regular twin may be idle (its probes would fail). ' +
      'Fix: rely on the app\'s own retries while the sidecar starts, or choose SidecarMode.NATIVE',
      'SC-MODE-005 spec.initContainers[0].ports: Not kept: "proxy": UNIVERSAL mode declares the ports of sidecar "proxy" on its native twin only (two containers may not hold the same hostPort). ' +
      'Fix: refer to the sidecar\'s ports by number rather than by name where it may run as the regular twin',
    ]);
  });

  test('GIVEN resources on the sidecar THEN both twins carry them and the effective requests count them twice', () => {
    const res = { requests: { cpu: '100m', memory: '64Mi' } };
    const spec = {
      initContainers: [{ name: 'proxy', restartPolicy: 'Always', command: ['proxy'], resources: res }],
      containers: [{ name: 'app', command: ['app'], resources: { requests: { cpu: '200m', memory: '128Mi' } } }],
    };
    const native = effectiveResourceAnnotations(spec)['cdk8s-sidecars.dev/effective-requests'];
    const universal = applyTo(spec, SidecarMode.UNIVERSAL, { targetVersion: V1_29 }).podSpec;
    expect(native).toBe('cpu=300m,memory=192Mi');
    expect(effectiveResourceAnnotations(universal)['cdk8s-sidecars.dev/effective-requests']).toBe('cpu=400m,memory=256Mi');
  });

  test('fails for a sidecar without command even in a long-running pod, and for a twin name that is taken or too long', () => {
    const long = 'a'.repeat(60);
    const spec = {
      initContainers: [
        { name: 'proxy', restartPolicy: 'Always' },
        { name: 'agent', restartPolicy: 'Always', command: ['agent'] },
        { name: long, restartPolicy: 'Always', command: ['x'] },
      ],
      containers: [{ name: 'agent-twin', command: ['app'] }],
    };
    expect(errors(applyTo(spec, SidecarMode.UNIVERSAL, { targetVersion: V1_29 }))).toEqual([
      'SC-MODE-002 spec.initContainers[0].command: Required value: UNIVERSAL mode wraps the command of sidecar "proxy" so that its native and regular twins can decide at run time which one is the sidecar, ' +
      'but no command is given and the image\'s entrypoint is unknown at synth. Fix: set command (and args) of "proxy" explicitly, e.g. to the image\'s ENTRYPOINT and CMD; or choose SidecarMode.NATIVE and target Kubernetes 1.29 or later',
      'SC-MODE-003 spec.initContainers[1].name: Duplicate value: "agent-twin": UNIVERSAL mode names the regular twin of sidecar "agent" "agent-twin", but a container of that name exists. Fix: rename the container "agent-twin"',
      `SC-MODE-003 spec.initContainers[2].name: Too long: UNIVERSAL mode names the regular twin of sidecar "${long}" "${long}-twin", which is longer than 63 characters. Fix: shorten the sidecar's name to at most 58 characters`,
    ]);
  });
});

describe('every mode', () => {
  test.each([[SidecarMode.NATIVE], [SidecarMode.LEGACY], [SidecarMode.UNIVERSAL], [SidecarMode.AUTO]])('GIVEN a pod without sidecars THEN %s leaves it unchanged, without annotations', (mode) => {
    const spec = { restartPolicy: 'Never', initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] };
    expect(applyTo(spec, mode, { targetVersion: V1_27 })).toEqual({
      mode: resolveSidecarMode(mode, V1_27),
      podSpec: spec,
      annotations: {},
      declarations: NO_DECLARATIONS,
      findings: [],
    });
  });

  test('fails for bad options, all of them reported at once', () => {
    const result = applyTo(job().podSpec, SidecarMode.UNIVERSAL, {
      targetVersion: V1_29, detectionTimeoutSeconds: 0, stopTimeoutSeconds: -1, lifecycleMountPath: 'run/x', shell: '/bin/sh -e',
    });
    expect(errors(result)).toEqual([
      'SC-MODE-004 Invalid value: 0: detectionTimeout must be more than 0 and at most 3600 seconds. Fix: set detectionTimeout to more than 0 and at most 3600 seconds',
      'SC-MODE-004 Invalid value: -1: stopTimeout must be from 0 to 3600 seconds. Fix: set stopTimeout to from 0 to 3600 seconds',
      'SC-MODE-004 Invalid value: "run/x": lifecycleMountPath must be an absolute path without spaces, ":" or "$". Fix: set lifecycleMountPath to an absolute path such as "/run/sidecar-lifecycle"',
      'SC-MODE-004 Invalid value: "/bin/sh -e": shell must be an absolute path without spaces, ":" or "$". Fix: set shell to an absolute path such as "/bin/sh"',
    ]);
  });

  // The kubelet expands `$(NAME)` in command/args when NAME is an env var of the container and
  // turns `$$` into `$` (third_party/forked/golang/expansion/expand.go); an unresolvable reference
  // such as the shell arithmetic `$((i + 1))` (name "(i + 1") is left as it is.
  test('GIVEN the generated scripts THEN none holds "$$" or a "$(NAME)" the kubelet could expand (only shell arithmetic "$((")', () => {
    for (const script of ALL_SCRIPTS) {
      expect(script).not.toContain('$$');
      expect(script.match(/\$\([^(]/g)).toBeNull();
    }
  });
});
