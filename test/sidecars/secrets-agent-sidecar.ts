import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ISidecarWorkload, Sidecar, SidecarOptions } from '../../src';
import { SidecarContext } from '../../src/sidecars/sidecar-context';
import { SidecarDefinition } from '../../src/sidecars/sidecar-definition';

/** Properties of the platform team's secrets agent. */
export interface SecretsAgentSidecarProps {
  /** Address of the secrets store, e.g. `https://vault.internal:8200`. */
  readonly address: string;
  /** The role the pod logs in with. */
  readonly role: string;
  /**
   * Where app containers find the secrets (read-only).
   * @default "/run/secrets/app"
   */
  readonly mountPath?: string;
}

/**
 * Fetches secrets into an in-memory volume before the app starts, and keeps them fresh while
 * it runs. App containers get the volume read-only and start only once the first fetch is done.
 */
export class SecretsAgentSidecar extends SidecarDefinition {
  private readonly props: SecretsAgentSidecarProps;

  constructor(props: SecretsAgentSidecarProps) {
    super({ name: 'secrets-agent' });
    if (!props.address.startsWith('https://')) {
      throw new Error(`SecretsAgentSidecar: address: Invalid value: ${JSON.stringify(props.address)}: must start with "https://". Fix: use the TLS address of the store`);
    }
    this.props = props;
  }

  protected sidecarOptions(context: SidecarContext): SidecarOptions {
    const mountPath = this.props.mountPath ?? '/run/secrets/app';
    // Memory-backed: secrets never touch the node's disk.
    const secrets = kplus.Volume.fromEmptyDir(context.scope, context.uniqueId('secrets-agent-volume'), 'secrets', {
      medium: kplus.EmptyDirMedium.MEMORY,
      sizeLimit: Size.mebibytes(1),
    });
    return {
      image: 'hashicorp/vault:1.17',
      args: ['agent', '-exit-after-auth=false'],
      envVariables: {
        VAULT_ADDR: kplus.EnvValue.fromValue(this.props.address),
        VAULT_ROLE: kplus.EnvValue.fromValue(this.props.role),
        SECRETS_DIR: kplus.EnvValue.fromValue(mountPath),
      },
      volumeMounts: [{ path: mountPath, volume: secrets }],
      // Ready once the first fetch has written its marker: dependants start only then.
      startup: kplus.Probe.fromCommand(['test', '-f', `${mountPath}/.ready`], { periodSeconds: Duration.seconds(1), failureThreshold: 60 }),
      resources: {
        cpu: { request: kplus.Cpu.millis(20) },
        memory: { request: Size.mebibytes(32), limit: Size.mebibytes(64) },
      },
      securityContext: {
        user: 65534,
        group: 65534,
        ensureNonRoot: true,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: [kplus.Capability.ALL] },
        seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
      },
      shutdownTime: Duration.seconds(2),
    };
  }

  protected bind(workload: ISidecarWorkload, sidecar: Sidecar): void {
    const mount = sidecar.container.mounts[0];
    for (const app of workload.containers) {
      app.mount(mount.path, mount.volume, { readOnly: true });
      workload.requireReady(app, sidecar);
    }
  }
}
