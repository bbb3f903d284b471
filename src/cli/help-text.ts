/** `cdk8s-sidecars --help` */
export const MAIN_HELP = `Usage: cdk8s-sidecars <command> [options]

Check, explain and migrate Kubernetes manifests that use native sidecar containers
(init containers with restartPolicy: Always), whoever wrote them: Helm, kustomize,
kubectl get -o yaml, or cdk8s. Files are read exactly as kubectl reads them.

Commands:
  lint [files... | -]          check every pod-bearing object with the sidecar rules
  explain <file>               show the lifecycle plan and effective resources/QoS
  migrate <file> --sidecar N   turn regular containers into native sidecars
  rules                        list the rules (text, json, markdown)

Options:
  -h, --help     show help (also: cdk8s-sidecars <command> --help)
  --version      print the version

Exit codes: 0 ok, 1 findings at or above --fail-on (lint) or a refused migration,
2 usage error or unreadable input.
`;

const LIMIT_OPTIONS = `  --max-input-size SIZE     refuse an input larger than this (default: 1GiB)
  --max-document-size SIZE  refuse a document (or line) larger than this (default: 64MiB)`;

/** `cdk8s-sidecars lint --help` */
export const LINT_HELP = `Usage: cdk8s-sidecars lint [options] [files... | -]

Reads YAML or JSON files, multi-document streams, JSON streams, kind: List objects and
directories (recursively: *.yaml, *.yml, *.json, in sorted order; symbolic links to
directories are followed once); '-' reads standard input. Checks every pod-bearing object
(Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob,
PodTemplate); other kinds are skipped.

Options:
  --target-version V        Kubernetes version to check against (default: 1.29)
  --pod-security LEVEL      baseline | restricted | none (default: baseline)
  --fail-on SEVERITY        error | warning: lowest severity that fails (default: error)
  --format FORMAT           text | json | github | sarif (default: text)
  --disable RULE[,RULE]     turn rules off (repeatable); see 'cdk8s-sidecars rules'
  --config FILE             config file (default: .cdk8s-sidecars.yaml in or above the inputs)
  -q, --quiet               print only the findings: no summary, nothing on success
${LIMIT_OPTIONS}
  -h, --help                show this help

Each finding reads: file:line:column severity RULE-ID field.path: Type: detail. Fix: hint
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.
`;

/** `cdk8s-sidecars explain --help` */
export const EXPLAIN_HELP = `Usage: cdk8s-sidecars explain [options] <file | ->

For each pod-bearing object: the lifecycle plan (start order, readiness gates, steady
state, shutdown order) and the effective requests/limits and QoS class with the arithmetic.

Options:
  --format FORMAT           text | json | markdown | mermaid | svg (default: text)
  --object KIND/NAME        explain only this object (NAME alone matches any kind)
  --target-version V        Kubernetes version the pods run on (default: 1.29)
  --config FILE             config file (default: .cdk8s-sidecars.yaml in or above the input)
${LIMIT_OPTIONS}
  -h, --help                show this help

mermaid and svg print one picture: with several pod-bearing objects, choose one with --object.
`;

/** `cdk8s-sidecars migrate --help` */
export const MIGRATE_HELP = `Usage: cdk8s-sidecars migrate <file | -> --sidecar NAME[,NAME...] [options]

Rewrites the named regular containers as native sidecars (init containers with
restartPolicy: Always), in the order given. By default they go after every existing
init container, so the pod keeps its start order: as regular containers they started
after all init containers. The file is edited in place of the moved containers only:
comments, quoting, line ends, encoding and the other documents stay byte for byte.
The result is checked with the rules engine; the migration is refused (nothing is
written, exit 1) if it would add an error.

Options:
  -s, --sidecar NAMES       container names, comma-separated or repeated (required)
  -o, --out FILE            write the result to FILE (a new file beside it, then renamed);
                            never the input itself
  --position POS            keep (default) | first | after=NAME: where in initContainers
  --target-version V        Kubernetes version to check the result against (default: 1.29)
  --pod-security LEVEL      baseline | restricted | none (default: baseline)
  --config FILE             config file (default: .cdk8s-sidecars.yaml in or above the input)
${LIMIT_OPTIONS}
  -h, --help                show this help

A summary of every change (and where each sidecar went) is printed to standard error.
`;

/** `cdk8s-sidecars rules --help` */
export const RULES_HELP = `Usage: cdk8s-sidecars rules [options]

Lists every rule: id, severity, name and what it checks, with a link to its section
of RULES.md.

Options:
  --format FORMAT           text | json | markdown (default: text)
  -h, --help                show this help
`;
