/**
 * An image reference cut as the kubelet's `parsers.ParseImageName` cuts it: the name up to the
 * first `@` (a digest follows), and the tag after the last `:` of the last path segment. The one
 * reading of image references (the imagePullPolicy default, the long-running image heuristics).
 */
export interface ImageReference {
  /** Registry, path and repository, without tag or digest. */
  readonly name: string;
  /** The tag; `''` when there is none. */
  readonly tag: string;
  /** True when a digest (`@sha256:...`) follows. */
  readonly hasDigest: boolean;
}

export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const ref = at >= 0 ? image.slice(0, at) : image;
  const colon = ref.lastIndexOf(':');
  const tagged = colon > ref.lastIndexOf('/');
  return { name: tagged ? ref.slice(0, colon) : ref, tag: tagged ? ref.slice(colon + 1) : '', hasDigest: at >= 0 };
}
