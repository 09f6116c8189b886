/**
 * Whether this browser can give the map a WebGL context. Checked before MapLibre starts so a
 * browser without WebGL gets a clear message while the list, filters and details keep working.
 */
export function webglSupport(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    return gl !== null;
  } catch {
    return false; // Some browsers throw instead of returning null when WebGL is blocked.
  }
}
