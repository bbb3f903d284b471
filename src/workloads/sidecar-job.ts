import { Construct } from 'constructs';
import * as kplus from '../cdk8s-plus';
import { IInitStep, InitStep, InitStepOptions } from './init-step';
import { SidecarSupport } from './private/sidecar-support';
import { Sidecar, SidecarOptions } from './sidecar';
import { ISidecarWorkload, SidecarWorkloadOptions } from './sidecar-workload';
import { LifecyclePlan } from '../lifecycle/lifecycle-plan';

/**
 * Properties of a `SidecarJob`: everything `kplus.Job` takes, plus sidecars.
 */
export interface SidecarJobProps extends kplus.JobProps, SidecarWorkloadOptions {}

/**
 * A cdk8s-plus `Job` with native sidecars: declared start order, API-server rules
 * and effective resources checked at synth.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/
 * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export class SidecarJob extends kplus.Job implements ISidecarWorkload {
  constructor(scope: Construct, id: string, props: SidecarJobProps = {}) {
    super(scope, id, props);
    SidecarSupport.of(this).attach(this.apiObject, props);
    for (const sidecar of props.sidecars ?? []) this.addSidecar(sidecar);
  }

  // The members below delegate to SidecarSupport, the one implementation shared by every
  // Sidecar* workload (jsii has no mixins, so each class repeats these one-liners).

  public get sidecars(): Sidecar[] {
    return SidecarSupport.of(this).sidecars;
  }

  public addSidecar(options: SidecarOptions): Sidecar {
    return SidecarSupport.of(this).addSidecar(options);
  }

  public addInitStep(options: InitStepOptions): InitStep {
    return SidecarSupport.of(this).addInitStep(options);
  }

  /** cdk8s-plus's `addInitContainer`; `restartPolicy: ALWAYS` makes it a sidecar. */
  public addInitContainer(cont: kplus.ContainerProps): kplus.Container {
    return SidecarSupport.of(this).addInitContainer(cont);
  }

  public initStep(container: kplus.Container): IInitStep {
    return SidecarSupport.of(this).stepOf(container);
  }

  public requireReady(container: kplus.Container, ...sidecars: Sidecar[]): void {
    SidecarSupport.of(this).requireReady(container, sidecars);
  }

  public gateAppContainers(...sidecars: Sidecar[]): void {
    SidecarSupport.of(this).gateAppContainers(sidecars);
  }

  public lifecyclePlan(): LifecyclePlan {
    return SidecarSupport.of(this).lifecyclePlan();
  }

  /** @internal */
  public _toPodSpec(): ReturnType<kplus.AbstractPod['_toPodSpec']> {
    return SidecarSupport.of(this).transformPodSpec(super._toPodSpec());
  }
}
