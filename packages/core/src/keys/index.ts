/** Keys: the key ring a Tessera opens with, and the re-encryption of stored values after a key rotation. */
export { defaultKeyRing, type KeyRingPlace } from './default-key-ring.js';
export { rotateKeys, type RotationOptions, type RotationProgress, type RotationResult } from './rotate-keys.js';
export { rotateAllKeys, rotationWorkspaces, type WorkspaceStart } from './rotate-all-keys.js';
export { KeyRotationJob, type KeyRotationStatus } from './key-rotation-job.js';
