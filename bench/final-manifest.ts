import * as crypto from 'crypto';
import {
  APP_PORT, CHART_ID, LOG_SHIPPER_SHUTDOWN_SECONDS, PROXY_ADMIN_PORT, PROXY_PORT, SHARED_PATH, SHARED_VOLUME,
  workloadId, workloadName,
} from './workload-spec';

/**
 * The final manifest of workload `i`, as a user would write it by hand with no constructs: the
 * exact object `SidecarDeployment` synthesizes for the workload of `workload-spec.ts`
 * (cdk8s-plus defaults and our annotations included). The raw-ApiObject and bare-YAML variants
 * build these, so that all four variants produce the same YAML; `test/bench` checks that.
 *
 * Keys are written in sorted order because cdk8s sorts them at synth and the bare-YAML floor
 * serializes the object as is.
 */
export function finalManifest(i: number): any {
  const name = workloadName(i);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      minReadySeconds: 0,
      progressDeadlineSeconds: 600,
      replicas: 2,
      selector: { matchLabels: { app: name } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: {
          annotations: {
            'cdk8s-sidecars.dev/effective-limits': 'cpu=800m,memory=704Mi',
            'cdk8s-sidecars.dev/effective-requests': 'cpu=400m,memory=352Mi',
            'cdk8s-sidecars.dev/needs-ready': '{"app":["proxy"]}',
            'cdk8s-sidecars.dev/qos-class': 'Burstable',
            'cdk8s-sidecars.dev/shutdown-seconds': `{"log-shipper":${LOG_SHIPPER_SHUTDOWN_SECONDS}}`,
            'cdk8s-sidecars.dev/start-after': '{"proxy":["setup"]}',
            'cdk8s-sidecars.dev/total-limits': 'cpu=1600m,memory=1408Mi',
            'cdk8s-sidecars.dev/total-requests': 'cpu=800m,memory=704Mi',
          },
          labels: { 'app': name, 'cdk8s.io/metadata.addr': podAddressLabel(i) },
        },
        spec: {
          automountServiceAccountToken: false,
          containers: [{
            image: 'registry.example/app:1.0',
            imagePullPolicy: 'Always',
            name: 'app',
            ports: [{ containerPort: APP_PORT }],
            resources: resources('500m', '512Mi', '250m', '256Mi'),
            securityContext: securityContext(),
            startupProbe: { failureThreshold: 3, tcpSocket: { port: APP_PORT } },
            volumeMounts: mounts(),
          }],
          dnsPolicy: 'ClusterFirst',
          hostNetwork: false,
          initContainers: [
            {
              command: ['sh', '-c', `echo ready > ${SHARED_PATH}/ready`],
              image: 'registry.example/setup:1.0',
              imagePullPolicy: 'Always',
              name: 'setup',
              resources: resources('100m', '32Mi', '100m', '32Mi'),
              securityContext: securityContext(),
              volumeMounts: mounts(),
            },
            {
              image: 'envoyproxy/envoy:v1.30.0',
              imagePullPolicy: 'Always',
              livenessProbe: { failureThreshold: 3, httpGet: { path: '/healthz', port: PROXY_ADMIN_PORT, scheme: 'HTTP' } },
              name: 'proxy',
              ports: [{ containerPort: PROXY_PORT }],
              resources: resources('200m', '128Mi', '100m', '64Mi'),
              restartPolicy: 'Always',
              securityContext: securityContext(),
              startupProbe: { failureThreshold: 30, periodSeconds: 1, tcpSocket: { port: PROXY_PORT } },
              volumeMounts: mounts(),
            },
            {
              image: 'fluent/fluent-bit:3.0',
              imagePullPolicy: 'Always',
              livenessProbe: { exec: { command: ['sh', '-c', `test -e ${SHARED_PATH}/ready`] }, failureThreshold: 3 },
              name: 'log-shipper',
              resources: resources('100m', '64Mi', '50m', '32Mi'),
              restartPolicy: 'Always',
              securityContext: securityContext(),
              volumeMounts: [{ mountPath: SHARED_PATH, name: SHARED_VOLUME, readOnly: true }],
            },
          ],
          restartPolicy: 'Always',
          securityContext: { fsGroupChangePolicy: 'Always', runAsNonRoot: true },
          setHostnameAsFQDN: false,
          terminationGracePeriodSeconds: 30,
          volumes: [{ emptyDir: {}, name: SHARED_VOLUME }],
        },
      },
    },
  };
}

/**
 * A Service in front of workload `i`: Helm outputs mix pod-bearing objects with others, and the
 * CLI must read (and skip) those too. Used only for the CLI input.
 */
export function serviceManifest(i: number): any {
  const name = workloadName(i);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { ports: [{ name: 'http', port: 80, targetPort: APP_PORT }], selector: { app: name } },
  };
}

/**
 * cdk8s-plus's `cdk8s.io/metadata.addr` pod label of workload `i`: the path components and the
 * first 8 characters of the construct's address (`c8` + SHA-1 of the path from the root, each id
 * followed by a newline), as `cdk8s.Names.toLabelValue` and `constructs.Node.addr` compute them.
 */
export function podAddressLabel(i: number): string {
  const hash = crypto.createHash('sha1');
  for (const id of ['', CHART_ID, workloadId(i)]) hash.update(`${id}\n`);
  return `${CHART_ID}-${workloadId(i)}-${`c8${hash.digest('hex')}`.slice(0, 8)}`;
}

function resources(cpuLimit: string, memoryLimit: string, cpuRequest: string, memoryRequest: string): any {
  return { limits: { cpu: cpuLimit, memory: memoryLimit }, requests: { cpu: cpuRequest, memory: memoryRequest } };
}

// Fresh objects for every container: an object shared between two places would be written
// as a YAML anchor and alias by the serializer, which cdk8s's resolved output never contains.
function mounts(): any[] {
  return [{ mountPath: SHARED_PATH, name: SHARED_VOLUME }];
}

function securityContext(): any {
  return { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true };
}
