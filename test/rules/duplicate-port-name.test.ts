import { deployment, findings, where } from './helpers';
import { Severity } from '../../src/engine/severity';
import { SidecarRules } from '../../src/rules/sidecar-rules';

/**
 * SC-PORT-002 across containers follows FindPort (pkg/api/v1/pod/util.go): a Service targetPort
 * by name matches name AND protocol (TCP when unset), in app containers and then in sidecars;
 * regular init containers are never looked at.
 */
const req = { resources: { requests: { cpu: '50m', memory: '64Mi' } } };
const app = { name: 'app', image: 'example/app:1.4', ...req };
const proxy = { name: 'proxy', image: 'envoyproxy/envoy:v1.30', restartPolicy: 'Always', ...req };
const warmup = { name: 'warmup', image: 'example/warmup:1', ...req };

const errors = (manifest: any) => SidecarRules.check(manifest).filter((f) => f.severity === Severity.ERROR).map((f) => f.ruleId);

describe('SC-PORT-002 duplicate-port-name across containers', () => {
  test('GIVEN a regular init container and the app with a port named http THEN no finding and no error', () => {
    const m = deployment({
      initContainers: [{ ...warmup, ports: [{ name: 'http', containerPort: 8081 }] }],
      containers: [{ ...app, ports: [{ name: 'http', containerPort: 8080 }] }],
    });
    expect(findings(m, 'SC-PORT-002')).toEqual([]);
    expect(errors(m)).toEqual([]);
  });

  test('GIVEN dns over UDP on a sidecar and over TCP on the app THEN no finding and no error', () => {
    const m = deployment({
      initContainers: [{ ...proxy, ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] }],
      containers: [{ ...app, ports: [{ name: 'dns', containerPort: 53 }] }],
    });
    expect(findings(m, 'SC-PORT-002')).toEqual([]);
    expect(errors(m)).toEqual([]);
  });

  test('GIVEN a regular init container and a sidecar with the same name THEN no finding (FindPort skips regular init containers)', () => {
    const m = deployment({
      initContainers: [{ ...warmup, ports: [{ name: 'http', containerPort: 8081 }] }, { ...proxy, ports: [{ name: 'http', containerPort: 15001 }] }],
      containers: [app],
    });
    expect(findings(m, 'SC-PORT-002')).toEqual([]);
  });

  test('fails GIVEN the same name on a sidecar and the app, TCP unset on one and explicit on the other', () => {
    const m = deployment({
      initContainers: [{ ...proxy, ports: [{ name: 'http', containerPort: 15001 }] }],
      containers: [{ ...app, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }],
    });
    expect(findings(m, 'SC-PORT-002')).toEqual([
      'SC-PORT-002 spec.template.spec.containers[0].ports[0].name: Not recommended: "http": also the name of a port of container "proxy" '
      + '(spec.template.spec.initContainers[0].ports[0]); a Service targetPort "http" is ambiguous. '
      + 'Fix: rename it, e.g. "app-http" (port names are at most 15 characters)',
    ]);
  });

  test('fails GIVEN the same name and protocol UDP on a sidecar and the app', () => {
    const m = deployment({
      initContainers: [{ ...proxy, ports: [{ name: 'dns', containerPort: 5353, protocol: 'UDP' }] }],
      containers: [{ ...app, ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] }],
    });
    expect(where(m, 'SC-PORT-002')).toEqual(['warning spec.template.spec.containers[0].ports[0].name']);
  });

  test('fails GIVEN two app containers with the same port name', () => {
    const m = deployment({
      containers: [
        { ...app, ports: [{ name: 'http', containerPort: 8080 }] },
        { ...app, name: 'admin', ports: [{ name: 'http', containerPort: 9090 }] },
      ],
    });
    expect(where(m, 'SC-PORT-002')).toEqual(['warning spec.template.spec.containers[1].ports[0].name']);
  });

  test('fails GIVEN two sidecars with the same port name', () => {
    const m = deployment({
      initContainers: [
        { ...proxy, ports: [{ name: 'admin', containerPort: 9901 }] },
        { ...proxy, name: 'logs', ports: [{ name: 'admin', containerPort: 2020 }] },
      ],
      containers: [app],
    });
    expect(where(m, 'SC-PORT-002')).toEqual(['warning spec.template.spec.initContainers[1].ports[0].name']);
  });
});
