import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';

/** Parses a seed fixture (test/fixtures/seeds/<name>.yaml) into wire-format JSON. */
export function loadSeed(name: string): any {
  return parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'seeds', `${name}.yaml`), 'utf-8'));
}

/**
 * Seed 002's containers each trap SIGTERM, sleep 3s, print their name and exit; its logs show
 * app, second-sidecar, first-sidecar exiting 3s apart. Declaring those 3s makes the plan's
 * times comparable with the logs.
 */
export function withShutdownSeconds(manifest: any, seconds: { [name: string]: number }): any {
  const copy = JSON.parse(JSON.stringify(manifest));
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), 'cdk8s-sidecars.dev/shutdown-seconds': JSON.stringify(seconds) };
  return copy;
}

/** The first manifest of a published fixture (test/fixtures/published/<file>): real manifests, see its README. */
export function published(file: string): any {
  return parseAllDocuments(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'published', file), 'utf-8'))
    .map((d) => d.toJS()).find((m) => m && m.kind);
}
