import { commandsOfArgv, leadingSleepSeconds, programName, shellScriptOf } from './shell-commands';
import { ContainerJson, isObject } from '../engine/wire-types';

/**
 * What a container's postStart hook holds the next container for. The kubelet runs the hook
 * synchronously after starting the container (kuberuntime `startContainer`) and starts nothing
 * else until it returns, so the lifecycle plan and SC-STARTUP-001 both read it here.
 */
export interface PostStartHold {
  /** The hook is a `sleep` action, or an exec of `sleep N` alone: it waits a fixed time, ready or not. */
  readonly sleepOnly: boolean;
  /** Seconds it holds at least (a sleep action, or the exec's leading `sleep N`), when known. */
  readonly seconds?: number;
}

/** The hold of `c`'s postStart hook, or `undefined` without one. */
export function postStartHoldOf(c: ContainerJson): PostStartHold | undefined {
  const hook = isObject(c.lifecycle) ? c.lifecycle.postStart : undefined;
  if (!isObject(hook)) return undefined;
  if (isObject(hook.sleep)) {
    const s = hook.sleep.seconds;
    return { sleepOnly: true, seconds: typeof s === 'number' && Number.isInteger(s) && s >= 0 ? s : undefined };
  }
  if (isObject(hook.exec) && Array.isArray(hook.exec.command)) {
    const argv = hook.exec.command.filter((w: unknown): w is string => typeof w === 'string');
    const commands = commandsOfArgv(argv);
    const run = shellScriptOf(argv) === undefined ? commands : commands.slice(1);
    const sleepOnly = run.length === 1 && programName(run[0].argv[0]) === 'sleep';
    return { sleepOnly, seconds: leadingSleepSeconds(argv) };
  }
  return { sleepOnly: false };
}
