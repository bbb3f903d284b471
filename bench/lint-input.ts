import * as fs from 'fs';
import { Yaml } from 'cdk8s';
import { finalManifest, serviceManifest } from './final-manifest';

/** The CLI input must be at least this big (issue 9): a large Helm output. */
export const MIN_LINT_INPUT_BYTES = 50 * 1024 * 1024;

/**
 * Writes a multi-document YAML file of at least `minBytes`: for every workload, the Deployment
 * `SidecarDeployment` synthesizes (so the CLI reads our annotations) followed by a Service, as
 * cdk8s writes them. Written in chunks so the generator itself never holds the whole text.
 *
 * @returns the number of workloads written and the file size
 */
export function writeLintInput(file: string, minBytes: number = MIN_LINT_INPUT_BYTES): { workloads: number; bytes: number } {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let workloads = 0;
  try {
    const chunk = 500;
    while (bytes < minBytes) {
      const docs: any[] = [];
      for (let i = workloads; i < workloads + chunk; i++) docs.push(finalManifest(i), serviceManifest(i));
      const text = `${bytes > 0 ? '---\n' : ''}${Yaml.stringify(...docs)}`;
      fs.writeSync(fd, text);
      bytes += Buffer.byteLength(text);
      workloads += chunk;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { workloads, bytes };
}
