// Which file names carry a content hash, for the static server (cached forever) and the service worker
// (fetched without revalidation). trunk names its assets `<name>-<hash>` with `format!("{hash:x}")` of a
// u64, which is not padded: 16 hex digits, 15 for one name in 16, 14 for one in 256, and so on. The
// language packs are padded to 16 (build.rs). A run of 12 to 16 hex digits between separators is a hash;
// a trunk hash shorter than 12 digits (one name in a million) is then served as unhashed, which costs a
// revalidation and nothing else. No other file of the build has such a run.
export const HASHED = /(^|[-_./])[0-9a-f]{12,16}[-_.]/;

/** Whether `path` (a file name or URL path) carries a content hash. */
export const isHashed = (path) => HASHED.test(path);
