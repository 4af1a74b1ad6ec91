/**
 * The engine's own exp and log, imported so the rare inputs beyond the lookup tables give the
 * same bits as Math.exp and Math.log in the JavaScript kernels.
 */

// @ts-expect-error: decorator
@external("host", "exp")
export declare function hostExp(x: f64): f64;

// @ts-expect-error: decorator
@external("host", "log")
export declare function hostLog(x: f64): f64;
