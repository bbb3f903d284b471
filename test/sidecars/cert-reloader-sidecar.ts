import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ISidecarWorkload, Sidecar, SidecarOptions } from '../../src';
import { SidecarContext } from '../../src/sidecars/sidecar-context';
import { SidecarDefinition } from '../../src/sidecars/sidecar-definition';

/**
 * A cert reloader as a platform team would publish it: it keeps TLS material fresh in an
 * in-memory volume, and its bind() gives every app container that volume read-only, the paths in
 * env, and a start only once the first certificate is there.
 */
export class CertReloaderSidecar extends SidecarDefinition {
  constructor(private readonly certDir: string = '/etc/tls') {
    super({ name: 'cert-reloader' });
  }

  protected sidecarOptions(context: SidecarContext): SidecarOptions {
    const certs = kplus.Volume.fromEmptyDir(context.scope, context.uniqueId('tls-certs'), 'tls-certs', { medium: kplus.EmptyDirMedium.MEMORY, sizeLimit: Size.mebibytes(1) });
    return {
      image: 'platform/cert-reloader:2.0',
      args: ['--dir', this.certDir],
      volumeMounts: [{ path: this.certDir, volume: certs }],
      startup: kplus.Probe.fromCommand(['test', '-f', `${this.certDir}/tls.crt`], { periodSeconds: Duration.seconds(1), failureThreshold: 60 }),
      resources: { cpu: { request: kplus.Cpu.millis(10) }, memory: { request: Size.mebibytes(16), limit: Size.mebibytes(32) } },
      securityContext: { user: 65534, group: 65534 },
      shutdownTime: Duration.seconds(1),
    };
  }

  protected bind(workload: ISidecarWorkload, sidecar: Sidecar): void {
    const certs = sidecar.container.mounts[0].volume;
    for (const app of workload.containers) {
      app.mount(this.certDir, certs, { readOnly: true });
      app.env.addVariable('TLS_CERT_FILE', kplus.EnvValue.fromValue(`${this.certDir}/tls.crt`));
      app.env.addVariable('TLS_KEY_FILE', kplus.EnvValue.fromValue(`${this.certDir}/tls.key`));
      workload.requireReady(app, sidecar);
    }
  }
}
